package eu.vigie.notify.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.Notification;
import eu.vigie.notify.Platform;
import eu.vigie.notify.ScrutinyRequest;
import eu.vigie.notify.client.ScrutinyForwardRequest;
import eu.vigie.notify.repository.NotificationRepository;
import eu.vigie.notify.repository.PlatformRepository;
import eu.vigie.notify.repository.ScrutinyRequestRepository;

/**
 * A platform's request for scrutiny of a cross-border removal order addressed to it (the order's
 * issuing jurisdiction is not the platform's home jurisdiction), within 48 hours of the order's
 * notification: stored once per order and platform, and forwarded durably to case-service.
 */
@ApplicationScoped
public class ScrutinyRequestService {

    /** How long after the order's notification a platform may request scrutiny. */
    public static final Duration WINDOW = Duration.ofHours(48);

    private final ScrutinyRequestRepository requests;
    private final NotificationRepository notifications;
    private final PlatformRepository platforms;
    private final Outbox outbox;

    public ScrutinyRequestService(ScrutinyRequestRepository requests, NotificationRepository notifications,
            PlatformRepository platforms, Outbox outbox) {
        this.requests = requests;
        this.notifications = notifications;
        this.platforms = platforms;
        this.outbox = outbox;
    }

    /** Stores and forwards the request; a replay with the same reasons answers the stored one. */
    @Transactional
    public ScrutinyRequest request(String platformId, UUID removalOrderId, String reasons) {
        Notification notification = notifications.findOrderNotification(removalOrderId, platformId)
                .orElseThrow(() -> ProblemException.notFound("Removal order " + removalOrderId));
        String text = reasons.strip();
        Optional<ScrutinyRequest> earlier = requests.findByOrder(removalOrderId, platformId);
        if (earlier.isPresent()) {
            if (!earlier.get().reasons.equals(text)) {
                throw ProblemException.conflict("Scrutiny of removal order " + removalOrderId
                        + " was already requested with other reasons");
            }
            return earlier.get();
        }
        Platform platform = platforms.findById(platformId);
        if (platform.homeJurisdiction == null || platform.homeJurisdiction.equals(notification.jurisdiction)) {
            throw ProblemException.unprocessable("not-cross-border", "Not a cross-border order",
                    "Removal order " + removalOrderId + " was issued in " + notification.jurisdiction
                            + ", which is not another Member State than the platform's home jurisdiction ("
                            + platform.homeJurisdiction + "): there is no home authority to scrutinise it");
        }
        Instant now = Times.now();
        Instant closes = notification.createdAt.plus(WINDOW);
        if (now.isAfter(closes)) {
            throw ProblemException.unprocessable("scrutiny-window-closed", "Scrutiny window closed",
                    "Scrutiny may be requested within 48 hours of the order's notification (" + notification.createdAt
                            + "); the window closed at " + closes);
        }
        ScrutinyRequest request = new ScrutinyRequest();
        request.id = UUID.randomUUID();
        request.notificationId = notification.id;
        request.removalOrderId = removalOrderId;
        request.platformId = platformId;
        request.reasons = text;
        request.requestedAt = now;
        requests.persist(request);
        // Keyed by the notification, so case-service hears of the order's receipt before this request.
        outbox.enqueue(Topics.SCRUTINY_REQUESTED, notification.id.toString(), new ScrutinyRequestMessage(removalOrderId,
                new ScrutinyForwardRequest(request.id, platformId, request.reasons, request.requestedAt)));
        requests.flush();
        return request;
    }
}
