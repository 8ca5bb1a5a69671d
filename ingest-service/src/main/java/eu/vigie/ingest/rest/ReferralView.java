package eu.vigie.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.ContentType;
import eu.vigie.ingest.Referral;
import eu.vigie.ingest.ReferralStatus;
import eu.vigie.ingest.Signals;

/** A referral as its readers see it. */
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        ReferralStatus status,
        String url,
        String canonicalUrl,
        String platformId,
        @Schema(description = "Whether the platform registry confirmed the platform; false flags a referral to look at")
        boolean platformKnown,
        ContentType contentType,
        Signals signals,
        @Schema(description = "The earliest earlier referral of the same canonical URL or bytes, from any agency")
        UUID duplicateOf,
        @Schema(description = "The case the referral belongs to, once case-service has taken it")
        UUID caseId,
        String jurisdiction,
        String agency,
        String submittedBy,
        Instant submittedAt,
        String language,
        Instant observedAt,
        String reference,
        String notes,
        @Schema(description = "classify-service's verdict in brief, once given")
        ClassificationSummary classification,
        @Schema(description = "When the same content already has a case owned by another jurisdiction: that case's "
                + "id, owning jurisdiction and agency, and status; nothing more. Null otherwise.")
        Deconfliction deconfliction) {

    /** The case of the same content that another jurisdiction owns. */
    @Schema(name = "Deconfliction")
    public record Deconfliction(UUID caseId, String ownerJurisdiction, String ownerAgency, String status) {
    }

    public static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.status, r.url, r.canonicalUrl, r.platformId, r.platformKnown, r.contentType,
                r.signals(), r.duplicateOf, r.caseId, r.jurisdiction, r.agency, r.submittedBy, r.submittedAt,
                r.language, r.observedAt, r.reference, r.notes, ClassificationSummary.of(r),
                r.deconflictionCaseId == null ? null : new Deconfliction(r.deconflictionCaseId,
                        r.deconflictionJurisdiction, r.deconflictionAgency, r.deconflictionStatus));
    }
}
