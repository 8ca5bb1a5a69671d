package eu.vigie.cases.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.vigie.common.vocabulary.Category;

/** What an issuer gives for a voluntary referral; what is missing is taken from the case and its assessment. */
public record VoluntaryReferralRequest(
        @Size(max = 100) List<@NotNull @Size(max = 4096)
                @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL") String> urls,
        @Size(max = 5) List<@NotNull Category> categories,
        @Size(max = 10000) String reasons) {
}
