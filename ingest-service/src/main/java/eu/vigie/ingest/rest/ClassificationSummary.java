package eu.vigie.ingest.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.ingest.Referral;

/** The gist of classify-service's verdict on a referral; the full verdict is on the case. */
@Schema(name = "ClassificationSummary")
public record ClassificationSummary(UUID id,
        @Schema(description = "classify-service's score, a number in [0,1] with at most three decimals") java.math.BigDecimal score, String tier, List<String> categories, String routing,
        Instant classifiedAt) {

    static ClassificationSummary of(Referral r) {
        if (r.classifiedAt == null) {
            return null;
        }
        List<String> categories = r.classificationCategories == null || r.classificationCategories.isEmpty()
                ? List.of()
                : Arrays.asList(r.classificationCategories.split(","));
        return new ClassificationSummary(r.classificationId, r.classificationScore, r.classificationTier, categories,
                r.classificationRouting, r.classifiedAt);
    }
}
