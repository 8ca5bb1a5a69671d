package eu.vigie.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.ingest.CustodyAction;
import eu.vigie.ingest.CustodyEvent;

/** One link of the chain of custody of a piece of evidence. */
@Schema(name = "CustodyEvent")
public record CustodyEventView(UUID id, String sha256, CustodyAction action, UUID referralId, String actor,
        String tenant, String jurisdiction, String agency, String tokenId,
        @Schema(description = "What the action was about: a legal hold's term and reasons, a case closure, the purge's ground")
        String detail, Instant at) {

    public static CustodyEventView of(CustodyEvent e) {
        return new CustodyEventView(e.id, e.sha256, e.action, e.referralId, e.actor, e.tenant, e.jurisdiction,
                e.agency, e.tokenId, e.detail, e.at);
    }
}
