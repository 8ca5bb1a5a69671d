package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.common.vocabulary.ContentType;

/** A referral handed over by ingest-service (ARCHITECTURE.md, "case: POST /api/v1/intake/referrals"). */
public record IntakeRequest(
        @NotNull UUID referralId,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter upper-case jurisdiction code") String jurisdiction,
        @Size(max = 100) String agency,
        @Size(max = 300) String submittedBy,
        Instant submittedAt,
        @NotBlank @Size(max = 4096) @Pattern(regexp = "(?i)https?://.+", message = "must be an http or https URL") String url,
        @Size(max = 4096) String canonicalUrl,
        @Size(max = 100) String platformId,
        Boolean platformKnown,
        ContentType contentType,
        @NotBlank @Size(max = 2100)
        @Pattern(regexp = "sha256:[0-9a-f]{64}|url:\\S+", message = "must be sha256:<64 hex> or url:<canonical URL>")
        String contentKey,
        @Valid Signals signals,
        @Size(max = 200) String reference,
        @Size(max = 10000) String notes,
        JsonNode classification) {

    public record Signals(
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256,
            @Pattern(regexp = "[0-9a-f]{32}", message = "must be 32 lower-case hex digits") String md5,
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String pdq,
            @Min(0) @Max(100) Integer pdqQuality) {
    }
}
