package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry")
public record AuditView(UUID id, long seq, Instant at, String actor, String action, String subjectType,
        String subjectId, JsonNode detail) {
}
