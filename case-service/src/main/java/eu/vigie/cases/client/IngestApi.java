package eu.vigie.cases.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** ingest-service's evidence API (ARCHITECTURE.md), called with case-service's own client-credentials token. */
@RegisterRestClient(configKey = "ingest-service")
@OidcClientFilter
@Path("/api/v1/evidence")
interface IngestApi {

    @POST
    @Path("/{sha256}/case-closed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response caseClosed(@PathParam("sha256") String sha256, CaseClosedNotice notice);

    @PUT
    @Path("/{sha256}/shares/{jurisdiction}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response share(@PathParam("sha256") String sha256, @PathParam("jurisdiction") String jurisdiction,
            EvidenceShare share);

    @DELETE
    @Path("/{sha256}/shares/{jurisdiction}")
    @Produces(MediaType.APPLICATION_JSON)
    Response unshare(@PathParam("sha256") String sha256, @PathParam("jurisdiction") String jurisdiction);
}
