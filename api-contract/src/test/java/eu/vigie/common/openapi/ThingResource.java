package eu.vigie.common.openapi;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;

/** A resource whose access rules the filters' tests index with Jandex; never deployed. */
@Path("/api/v1/things")
@RolesAllowed("admin")
public class ThingResource {

    @GET
    public String list() {
        return "";
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "issuer", "admin", "service", "issuer" })
    public String get(@PathParam("id") String id) {
        return id;
    }

    @PUT
    @Path("{id}/")
    @Authenticated
    public String replace(@PathParam("id") String id) {
        return id;
    }

    @DELETE
    @Path("/{id}")
    @DenyAll
    public void delete(@PathParam("id") String id) {
    }

    @POST
    @Path("/{thingId: [0-9a-f-]+}/notes")
    @PermitAll
    public void note(@PathParam("thingId") String thingId) {
    }
}
