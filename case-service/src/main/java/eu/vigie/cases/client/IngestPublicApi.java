package eu.vigie.cases.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ingest-service's public API (DESIGN.md) as the console uses it, on behalf of the signed-in officer:
 * the officer's own access token travels in Authorization ({@link SignedInUserToken}), never
 * case-service's service token, so ingest-service applies the officer's roles and jurisdiction and
 * records the officer in the chain of custody.
 */
@RegisterRestClient(configKey = "ingest-service")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/v1")
interface IngestPublicApi {

    @POST
    @Path("/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode referral);

    @GET
    @Path("/referrals/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response referral(@PathParam("id") String id);

    @GET
    @Path("/evidence/{sha256}")
    @Produces(MediaType.WILDCARD)
    Response evidence(@PathParam("sha256") String sha256);
}
