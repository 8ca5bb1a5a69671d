package eu.vigie.classify.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.vigie.classify.pdq.DihedralTransform;

/**
 * The hashes of an image. {@code weak} is true when the PDQ quality is under the matching threshold (50): such a hash
 * is too unreliable to match. {@code dihedral} (with {@code ?dihedral=true}) holds the eight variants, original first;
 * {@code matches} (with {@code ?match=true}) the bank signals matching the image.
 */
@Schema(name = "HashResponse")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HashResponse(String pdq, int quality, String md5, String sha256, boolean weak,
        List<DihedralHash> dihedral, List<HashMatch> matches) {

    /** One dihedral variant: the hash the image would have after {@code transform}. */
    @Schema(name = "DihedralHash")
    public record DihedralHash(DihedralTransform transform, String pdq, int quality) {
    }
}
