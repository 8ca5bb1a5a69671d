package eu.vigie.ingest.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** classify-service, called with the service's own token. Idempotent by {@code referralId}. */
@RegisterRestClient(configKey = "classify-service")
@OidcClientFilter
@Path("/api/v1/classifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ClassifyClient {

    @POST
    JsonNode classify(ClassificationRequest request);
}
