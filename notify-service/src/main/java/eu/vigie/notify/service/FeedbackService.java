package eu.vigie.notify.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.FeedbackForm;
import eu.vigie.notify.Feedback;
import eu.vigie.notify.Notification;
import eu.vigie.notify.client.FeedbackForwardRequest;
import eu.vigie.notify.repository.FeedbackRepository;
import eu.vigie.notify.repository.NotificationRepository;
import eu.vigie.notify.rest.FeedbackRequest;

/**
 * Annex II / Annex III feedback from the platform a removal order was addressed to: checked,
 * stored, and forwarded durably to case-service in the same transaction.
 */
@ApplicationScoped
public class FeedbackService {

    private final FeedbackRepository feedbacks;
    private final NotificationRepository notifications;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public FeedbackService(FeedbackRepository feedbacks, NotificationRepository notifications, Outbox outbox,
            ObjectMapper mapper) {
        this.feedbacks = feedbacks;
        this.notifications = notifications;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional
    public Feedback submit(String platformId, UUID removalOrderId, FeedbackRequest request,
            Optional<String> idempotencyKey) {
        Notification notification = notifications.findOrderNotification(removalOrderId, platformId)
                .orElseThrow(() -> ProblemException.notFound("Removal order " + removalOrderId));
        String hash = hash(removalOrderId, request);
        if (idempotencyKey.isPresent()) {
            Optional<Feedback> earlier = feedbacks.findByIdempotencyKey(platformId, idempotencyKey.get());
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash.equals(hash)) {
                    throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency key already used",
                            "This Idempotency-Key was used for a different feedback; use a new key");
                }
                return earlier.get();
            }
        }
        Instant now = Times.now();
        validate(request, notification, now);

        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.notificationId = notification.id;
        feedback.removalOrderId = removalOrderId;
        feedback.platformId = platformId;
        feedback.form = request.form();
        feedback.reference = blankToNull(request.reference());
        if (request.form() == FeedbackForm.ANNEX_II) {
            feedback.action = request.action();
            feedback.actionAt = request.actionAt();
        } else {
            feedback.reason = request.reason();
            feedback.explanation = request.explanation().strip();
            feedback.clarificationRequested = Boolean.TRUE.equals(request.clarificationRequested());
        }
        feedback.receivedAt = now;
        feedback.idempotencyKey = idempotencyKey.orElse(null);
        feedback.requestHash = hash;
        feedbacks.persist(feedback);
        // Keyed by the notification, so case-service hears of the order's receipt before this feedback.
        outbox.enqueue(Topics.FEEDBACK_RECEIVED, notification.id.toString(), new FeedbackMessage(removalOrderId,
                new FeedbackForwardRequest(feedback.id, platformId, feedback.form, feedback.action, feedback.actionAt,
                        feedback.reference, feedback.reason, feedback.explanation, feedback.clarificationRequested,
                        feedback.receivedAt)));
        feedbacks.flush();
        return feedback;
    }

    private static void validate(FeedbackRequest request, Notification notification, Instant now) {
        if (request.form() == FeedbackForm.ANNEX_II) {
            if (request.action() == null) {
                throw ProblemException.invalidField("action", "is required on the Annex II form (REMOVED or DISABLED)");
            }
            if (request.actionAt() == null) {
                throw ProblemException.invalidField("actionAt", "is required on the Annex II form");
            }
            if (request.actionAt().isAfter(now)) {
                throw ProblemException.invalidField("actionAt", "must not be in the future");
            }
            if (request.actionAt().isBefore(notification.createdAt)) {
                throw ProblemException.invalidField("actionAt", "must not be before the order was notified ("
                        + notification.createdAt + ")");
            }
            if (request.reason() != null || request.explanation() != null || request.clarificationRequested() != null) {
                throw ProblemException.badRequest(
                        "reason, explanation and clarificationRequested belong to the Annex III form, not Annex II");
            }
        } else {
            if (request.reason() == null) {
                throw ProblemException.invalidField("reason", "is required on the Annex III form");
            }
            if (request.explanation() == null || request.explanation().isBlank()) {
                throw ProblemException.invalidField("explanation", "is required on the Annex III form");
            }
            if (request.action() != null || request.actionAt() != null) {
                throw ProblemException.badRequest("action and actionAt belong to the Annex II form, not Annex III");
            }
        }
    }

    private String hash(UUID removalOrderId, FeedbackRequest request) {
        try {
            byte[] canonical = (removalOrderId + "\n" + mapper.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Feedback could not be hashed", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
