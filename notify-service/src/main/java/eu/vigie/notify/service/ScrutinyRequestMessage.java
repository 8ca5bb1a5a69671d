package eu.vigie.notify.service;

import java.util.UUID;

import eu.vigie.notify.client.ScrutinyForwardRequest;

/** The outbox payload of {@link Topics#SCRUTINY_REQUESTED}. */
public record ScrutinyRequestMessage(UUID removalOrderId, ScrutinyForwardRequest request) {
}
