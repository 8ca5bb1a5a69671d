package eu.vigie.cases.rest;

import java.util.UUID;

import eu.vigie.cases.CaseStatus;

/** The case a referral was attached to; {@code created} when the referral opened it. */
public record IntakeAnswer(UUID caseId, boolean created, String ownerJurisdiction, CaseStatus status) {
}
