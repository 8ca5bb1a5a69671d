package eu.vigie.classify.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.classify.service.HashService;
import eu.vigie.common.security.Roles;

@Path("/api/v1/hashes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hashing", description = "PDQ, MD5 and SHA-256 of an image, and its matches")
@SecurityRequirement(name = "jwt")
public class HashResource {

    private final HashService hashes;

    public HashResource(HashService hashes) {
        this.hashes = hashes;
    }

    @POST
    @Consumes({ "image/jpeg", "image/png", "image/gif", "image/bmp" })
    @RolesAllowed({ Roles.REVIEWER, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Hash an image: PDQ (Meta's algorithm, quality 0-100, weak under 50), MD5 and SHA-256; "
            + "with dihedral=true the eight rotation and mirror variants; with match=true the bank signals matching "
            + "the bytes exactly or any variant within the PDQ distance, naming the transform")
    public HashResponse hash(byte[] body, @Context HttpHeaders headers,
            @Parameter(description = "Also answer the eight dihedral variants") @QueryParam("dihedral") @DefaultValue("false") boolean dihedral,
            @Parameter(description = "Also match against the enabled banks") @QueryParam("match") @DefaultValue("false") boolean match) {
        MediaType type = headers.getMediaType();
        String mediaType = type == null ? null : type.getType() + "/" + type.getSubtype();
        return hashes.hash(body, mediaType, dihedral, match);
    }
}
