package eu.vigie.cases.service;

import eu.vigie.cases.client.CurationFlag;

/** Outbox payload of topic {@value CurationFlags#TOPIC}: one flag on one bank signal. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record CurationFlagMessage(String bank, String signalId, CurationFlag flag) {
}
