package eu.vigie.cases.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.vigie.common.vocabulary.Category;

/**
 * What an issuer gives for a removal order (Annex I). Everything is optional: what is missing is
 * taken from the case (URLs), its assessment (categories, reasons), the caller (officer) and the
 * deployment's configuration (authority, redress).
 */
public record RemovalOrderRequest(
        @Size(max = 200) String fileNumber,
        @Size(max = 100) List<@NotNull @Size(max = 4096)
                @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL") String> urls,
        @Size(max = 2000) String contentLocator,
        @Size(max = 5) List<@NotNull Category> categories,
        @Size(max = 10000) String reasons,
        Boolean doNotInformContentProvider,
        Boolean emergency,
        @Size(max = 5000) String emergencyReasons,
        @Valid Authority authority,
        @Valid Redress redress) {

    public record Authority(@Size(max = 200) String type, @Size(max = 300) String name,
            @Size(max = 300) String officer, @Size(max = 500) String contact) {
    }

    public record Redress(@Size(max = 500) String body, @Size(max = 200) String deadline,
            @Size(max = 500) String legalReference) {
    }
}
