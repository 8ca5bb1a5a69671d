package eu.vigie.common.openapi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource admitting a role no tenant grants (a typo): documenting it must fail. Never deployed. */
@Path("/api/v1/typos")
public class TypoResource {

    @GET
    @RolesAllowed("adminn")
    public String list() {
        return "";
    }
}
