package eu.vigie.classify.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.pdq.DihedralTransform;
import eu.vigie.common.vocabulary.ContentType;

/**
 * A referral to classify (ARCHITECTURE.md, classify: POST /api/v1/classifications). {@code jurisdiction}
 * is an optional addition: the referral's jurisdiction as the sending service knows it; when given,
 * only reviewers of that jurisdiction may read the verdict here.
 */
@Schema(name = "ClassificationRequest")
public record ClassificationRequest(
        @NotNull UUID referralId,
        @NotBlank @Size(max = 8000) String url,
        @Size(max = 64) String platformId,
        ContentType contentType,
        String text,
        @Size(max = 16) String language,
        @Valid Signals signals,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String jurisdiction) {

    /**
     * The content's hashes as ingest computed them; each may be null. {@code pdqVariants} is an optional addition: the
     * PDQ of the image's dihedral variants (rotations and mirrors) as {@code POST /api/v1/hashes?dihedral=true} names
     * them, original first, at most eight; each is matched like {@code pdq}, under the same quality gate.
     */
    @Schema(name = "ClassificationSignals")
    public record Signals(@Size(max = 64) String sha256, @Size(max = 32) String md5, @Size(max = 64) String pdq,
            @Min(0) @Max(100) Integer pdqQuality,
            @Size(max = 8, message = "must hold at most 8 variants") List<@Valid @NotNull PdqVariant> pdqVariants) {

        /** The hashes without dihedral variants. */
        public Signals(String sha256, String md5, String pdq, Integer pdqQuality) {
            this(sha256, md5, pdq, pdqQuality, null);
        }
    }

    /** The PDQ hash (64 hexadecimal digits) the image would have after {@code transform}. */
    @Schema(name = "ClassificationPdqVariant")
    public record PdqVariant(@NotNull DihedralTransform transform,
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String pdq) {
    }
}
