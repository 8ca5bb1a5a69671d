package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A record of the audit trail as stored, with its place in the chain. */
public record AuditRecordView(long sequence, Instant recordedAt, String actor, String action, String subjectType,
        String subjectId, UUID caseId, JsonNode details, String previousHash, String casePreviousHash, String hash) {
}
