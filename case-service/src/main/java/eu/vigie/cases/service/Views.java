package eu.vigie.cases.service;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.AuditRecord;
import eu.vigie.cases.CaseFile;
import eu.vigie.cases.DeliveryEvent;
import eu.vigie.cases.Feedback;
import eu.vigie.cases.Referral;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.ScrutinyRequest;
import eu.vigie.cases.repository.CaseShareRepository;
import eu.vigie.cases.repository.DeliveryEventRepository;
import eu.vigie.cases.repository.FeedbackRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.cases.repository.RemovalOrderRepository;
import eu.vigie.cases.repository.ScrutinyRequestRepository;
import eu.vigie.cases.repository.VoluntaryReferralRepository;
import eu.vigie.cases.rest.AssessmentView;
import eu.vigie.cases.rest.AuditRecordView;
import eu.vigie.cases.rest.CaseView;
import eu.vigie.cases.rest.ReferralView;
import eu.vigie.cases.rest.RemovalOrderView;
import eu.vigie.cases.rest.ShareView;
import eu.vigie.cases.rest.VoluntaryReferralView;

/** Builds the answers the API gives from the stored state. */
@ApplicationScoped
public class Views {

    private final ReferralRepository referrals;
    private final RemovalOrderRepository orders;
    private final DeliveryEventRepository events;
    private final FeedbackRepository feedback;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final ScrutinyRequestRepository scrutinyRequests;
    private final VoluntaryReferralRepository voluntary;
    private final CaseShareRepository shares;

    public Views(ReferralRepository referrals, RemovalOrderRepository orders, DeliveryEventRepository events,
            FeedbackRepository feedback, AuditTrail audit, ObjectMapper mapper,
            ScrutinyRequestRepository scrutinyRequests, VoluntaryReferralRepository voluntary,
            CaseShareRepository shares) {
        this.shares = shares;
        this.scrutinyRequests = scrutinyRequests;
        this.voluntary = voluntary;
        this.referrals = referrals;
        this.orders = orders;
        this.events = events;
        this.feedback = feedback;
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional
    public CaseView caseView(CaseFile file) {
        List<Referral> caseReferrals = referrals.ofCase(file.id);
        return new CaseView(file.id, file.ownerJurisdiction, file.ownerAgency, file.status, file.contentKey,
                file.platformId, file.platformKnown, urls(caseReferrals), file.tier, file.displayScore(), file.routing,
                json(file.classification), file.claimedBy, file.claimedAt, AssessmentView.of(file),
                caseReferrals.stream().map(this::referralView).toList(),
                orders.ofCase(file.id).stream().map(this::orderView).toList(),
                voluntary.ofCase(file.id).stream().map(VoluntaryReferralView::of).toList(),
                audit.ofCase(file.id).stream().filter(r -> !AuditTrail.isRead(r.action)).map(this::auditView).toList(),
                file.closedAt == null ? null : new CaseView.Closure(file.closedAt, file.closedBy, file.closureReasons),
                shares.ofCase(file.id).stream().map(ShareView::of).toList(), file.createdAt, file.updatedAt,
                file.version);
    }

    /** The URLs of a case: each referral's canonical URL (or URL as given), first seen first. */
    public static List<String> urls(List<Referral> caseReferrals) {
        Set<String> urls = new LinkedHashSet<>();
        caseReferrals.forEach(r -> urls.add(r.canonicalUrl != null && !r.canonicalUrl.isBlank() ? r.canonicalUrl : r.url));
        return List.copyOf(urls);
    }

    public ReferralView referralView(Referral r) {
        return new ReferralView(r.id, r.jurisdiction, r.agency, r.submittedBy, r.submittedAt, r.url, r.canonicalUrl,
                r.platformId, r.platformKnown, r.contentType, r.contentKey, json(r.signals), r.reference, r.notes,
                json(r.classification), r.receivedAt);
    }

    @Transactional
    public RemovalOrderView orderView(RemovalOrder o) {
        return orderView(o, events.ofOrder(o.id), feedback.ofOrder(o.id), scrutinyRequests.ofOrder(o.id));
    }

    /**
     * An order as its issuing transaction left it: nothing can have been delivered, answered or scrutinised before it
     * existed, so no delivery events, feedback or scrutiny requests are looked for (what arrives once it has been
     * committed is in {@link #orderView(RemovalOrder)}).
     */
    public RemovalOrderView issuedOrderView(RemovalOrder o) {
        return orderView(o, List.of(), List.of(), List.of());
    }

    private RemovalOrderView orderView(RemovalOrder o, List<DeliveryEvent> orderEvents, List<Feedback> orderFeedback,
            List<ScrutinyRequest> orderScrutinyRequests) {
        return new RemovalOrderView(o.id, o.caseId, o.referenceNumber, o.status, o.issuingJurisdiction,
                new RemovalOrderView.Authority(o.authorityType, o.authorityName, o.authorityOfficer, o.fileNumber,
                        o.authorityContact),
                new RemovalOrderView.Addressee(o.platformId, o.platformHomeJurisdiction), o.issuedBy,
                AnnexOne.urls(o), o.contentLocator, List.copyOf(EnumSet.copyOf(o.categories)), o.reasons,
                o.doNotInform, o.emergency, o.emergencyReasons, o.crossBorder, o.homeAuthorityCopied,
                new RemovalOrderView.Redress(o.redressBody, o.redressDeadline, o.redressLegalReference),
                new RemovalOrderView.Signature(o.signatureAlgorithm, o.signature, AnnexOne.verify(o)), o.issuedAt,
                o.sentAt, o.receivedAt, o.deadlineAt, o.compliedAt, o.compliedAction,
                o.suspendedAt == null ? null
                        : new RemovalOrderView.Suspension(o.suspendedAt, o.suspensionReason, o.suspensionExplanation,
                                o.remainingSeconds),
                o.overdueAt,
                o.withdrawnAt == null ? null
                        : new RemovalOrderView.Withdrawal(o.withdrawnAt, o.withdrawnBy, o.withdrawalReasons),
                orderEvents.stream()
                        .map(e -> new RemovalOrderView.Event(e.id, e.type, e.at, e.channel, e.notificationId,
                                e.deliveryId, e.recordedAt))
                        .toList(),
                orderFeedback.stream()
                        .map(f -> new RemovalOrderView.FeedbackEntry(f.id, f.form, f.action, f.actionAt, f.reference,
                                f.reason, f.explanation, f.clarificationRequested, f.receivedAt, f.recordedAt,
                                f.appliedAt, f.outcome))
                        .toList(),
                o.preNoticeUntil, o.releasedAt,
                o.scrutinyDecision == null ? null
                        : new RemovalOrderView.Scrutiny(o.scrutinyDecision, o.scrutinyReasons, o.scrutinisedAt,
                                o.scrutinisedBy, o.revokedAt),
                orderScrutinyRequests.stream()
                        .map(r -> new RemovalOrderView.ScrutinyRequestEntry(r.id, r.platformId, r.reasons,
                                r.requestedAt, r.recordedAt))
                        .toList(),
                o.version);
    }

    public AuditRecordView auditView(AuditRecord r) {
        return new AuditRecordView(r.sequence, r.recordedAt, r.actor, r.action, r.subjectType, r.subjectId, r.caseId,
                json(r.details), r.previousHash, r.casePreviousHash, r.hash);
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }
}
