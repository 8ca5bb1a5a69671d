package eu.vigie.ingest.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** notify-service's platform registry, called with the service's own token. */
@RegisterRestClient(configKey = "notify-service")
@OidcClientFilter
@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
interface NotifyClient {

    /** The platform serving a hostname or one of its parent domains: zero or one. */
    @GET
    List<PlatformRef> byHostname(@QueryParam("hostname") String hostname);

    @GET
    @Path("/{id}")
    PlatformRef byId(@PathParam("id") String id);
}
