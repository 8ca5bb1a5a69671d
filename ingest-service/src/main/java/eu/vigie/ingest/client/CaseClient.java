package eu.vigie.ingest.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** case-service's intake, called with the service's own token. Idempotent by {@code referralId}. */
@RegisterRestClient(configKey = "case-service")
@OidcClientFilter
@Path("/api/v1/intake/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CaseClient {

    @POST
    CaseIntakeAnswer intake(CaseIntakeRequest request);
}
