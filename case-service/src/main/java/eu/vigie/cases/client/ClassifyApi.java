package eu.vigie.cases.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** classify-service's bank API, called with case-service's own client-credentials token. */
@RegisterRestClient(configKey = "classify-service")
@OidcClientFilter
@Path("/api/v1/banks")
interface ClassifyApi {

    @POST
    @Path("/{name}/signals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response addSignal(@PathParam("name") String bank, ConfirmedSignal signal);

    /** Several signals in one call: NDJSON, one signal object a line; the answer counts and lists refused lines. */
    @POST
    @Path("/{name}/signals/batch")
    @Consumes("application/x-ndjson")
    @Produces(MediaType.APPLICATION_JSON)
    Response addSignals(@PathParam("name") String bank, String ndjson);

    @POST
    @Path("/{name}/signals/{signalId}/curation-flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response flag(@PathParam("name") String bank, @PathParam("signalId") String signalId, CurationFlag flag);
}
