package eu.vigie.ingest.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** classify-service's hashing of images (PDQ and its dihedral variants), called with the service's own token. */
@RegisterRestClient(configKey = "classify-service")
@OidcClientFilter
@Path("/api/v1/hashes")
@Produces(MediaType.APPLICATION_JSON)
interface HashClient {

    @POST
    @Consumes(MediaType.WILDCARD)
    ImageHashes hash(@HeaderParam("Content-Type") String contentType, @QueryParam("dihedral") boolean dihedral,
            byte[] image);
}
