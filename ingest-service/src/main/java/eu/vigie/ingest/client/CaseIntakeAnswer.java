package eu.vigie.ingest.client;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** case-service's answer to an intake: the case the referral belongs to. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseIntakeAnswer(UUID caseId, Boolean created, String ownerJurisdiction, String status) {
}
