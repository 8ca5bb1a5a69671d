package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.cases.DeliveryEvent;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.ScrutinyDecision;
import eu.vigie.common.vocabulary.AnnexIIAction;
import eu.vigie.common.vocabulary.AnnexIIIReason;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.FeedbackForm;

/** A removal order: every Annex I field, its signature (re-checked on every read), its times and its history. */
public record RemovalOrderView(UUID id, UUID caseId, String referenceNumber, RemovalOrderStatus status,
        String issuingState, Authority authority, Addressee addressee, String issuedBy, List<String> urls,
        String contentLocator, List<Category> categories, String reasons, boolean doNotInformContentProvider,
        boolean emergency, String emergencyReasons, Boolean crossBorder, boolean homeAuthorityCopied,
        Redress redress, Signature signature, Instant issuedAt, Instant sentAt, Instant receivedAt,
        Instant deadlineAt, Instant compliedAt, AnnexIIAction compliedAction, Suspension suspension,
        Instant overdueAt, Withdrawal withdrawal, List<Event> deliveryEvents, List<FeedbackEntry> feedback,
        Instant preNoticeUntil, Instant releasedAt, Scrutiny scrutiny, List<ScrutinyRequestEntry> scrutinyRequests,
        long version) {

    /** The home authority's decision on a cross-border order; {@code revokedAt} when it lapsed the order. */
    public record Scrutiny(ScrutinyDecision decision, String reasons, Instant scrutinisedAt, String scrutinisedBy,
            Instant revokedAt) {
    }

    /** A provider's request for scrutiny, as notify-service relayed it. */
    public record ScrutinyRequestEntry(UUID requestId, String platformId, String reasons, Instant requestedAt,
            Instant recordedAt) {
    }

    /** Named apart from RemovalOrderRequest.Authority in the OpenAPI document. */
    @Schema(name = "RemovalOrderAuthority", description = "The issuing authority as recorded on the order")
    public record Authority(String type, String name, String officer, String fileNumber, String contact) {
    }

    public record Addressee(String platformId, String homeState) {
    }

    /** Named apart from RemovalOrderRequest.Redress in the OpenAPI document. */
    @Schema(name = "RemovalOrderRedress", description = "The redress information as recorded on the order")
    public record Redress(String body, String deadline, String legalReference) {
    }

    /** {@code valid}: whether the stored Annex I fields still hash to the signature. */
    public record Signature(String algorithm, String value, boolean valid) {
    }

    public record Suspension(Instant suspendedAt, AnnexIIIReason reason, String explanation, Long remainingSeconds) {
    }

    public record Withdrawal(Instant withdrawnAt, String withdrawnBy, String reasons) {
    }

    public record Event(UUID eventId, DeliveryEvent.Type type, Instant at, DeliveryEvent.Channel channel,
            UUID notificationId, UUID deliveryId, Instant recordedAt) {
    }

    public record FeedbackEntry(UUID feedbackId, FeedbackForm form, AnnexIIAction action, Instant actionAt,
            String reference, AnnexIIIReason reason, String explanation, String clarificationRequested,
            Instant receivedAt, Instant recordedAt, Instant appliedAt, String outcome) {
    }
}
