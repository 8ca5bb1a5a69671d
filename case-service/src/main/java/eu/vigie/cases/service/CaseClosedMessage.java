package eu.vigie.cases.service;

import java.time.Instant;
import java.util.UUID;

/** Outbox payload of topic {@value CaseClosureService#TOPIC}: one piece of evidence of a closed case. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record CaseClosedMessage(String sha256, UUID caseId, Instant closedAt) {
}
