package eu.vigie.cases.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** notify-service's internal API, called with case-service's own client-credentials token. */
@RegisterRestClient(configKey = "notify-service")
@OidcClientFilter
@Path("/api/v1")
interface NotifyApi {

    @POST
    @Path("/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    void notify(Notification notification);

    @GET
    @Path("/platforms/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    PlatformInfo platform(@PathParam("id") String id);
}
