package eu.vigie.cases.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.cases.EnforcementOutcome;
import eu.vigie.cases.EnforcementStatus;
import eu.vigie.cases.PenaltyLegalBasis;

/**
 * An enforcement proceeding. {@code evidencePack} is the pack frozen at opening (null in lists);
 * {@code evidenceHash} is the SHA-256 of its canonical JSON, so a copy can be checked.
 */
public record ProceedingView(UUID id, String jurisdiction, String platformId, String grounds, EnforcementStatus status,
        String openedBy, Instant openedAt, String evidenceHash, int ordersInPack, long breachesLast12Months,
        JsonNode evidencePack, List<Representation> representations, Decision decision, Instant updatedAt,
        long version) {

    public record Representation(UUID id, Instant receivedAt, String summary, String documentReference,
            String recordedBy, Instant recordedAt) {
    }

    public record Decision(EnforcementOutcome outcome, BigDecimal amount, String currency, PenaltyLegalBasis legalBasis,
            String reasons, String decidedBy, Instant decidedAt) {
    }
}
