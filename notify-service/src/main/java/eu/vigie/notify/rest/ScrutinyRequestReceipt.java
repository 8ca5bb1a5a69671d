package eu.vigie.notify.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.notify.ScrutinyRequest;

/** The platform's proof that its request for scrutiny was received. */
@Schema(name = "ScrutinyRequestReceipt")
public record ScrutinyRequestReceipt(UUID id, UUID removalOrderId, String reasons, Instant requestedAt) {

    public static ScrutinyRequestReceipt of(ScrutinyRequest request) {
        return new ScrutinyRequestReceipt(request.id, request.removalOrderId, request.reasons, request.requestedAt);
    }
}
