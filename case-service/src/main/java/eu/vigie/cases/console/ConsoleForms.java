package eu.vigie.cases.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.cases.rest.ReferralView;
import eu.vigie.common.vocabulary.Category;

/** What the console's forms carry back to the page (the values the officer typed) and what its result pages show. */
public final class ConsoleForms {

    private ConsoleForms() {
    }

    /**
     * The report form; {@code idempotencyKey} is chosen when the form is shown, so that sending the
     * same form twice (a double click, a reload) creates one referral.
     */
    public record Report(String url, String text, String language, String notes, String reference,
            String idempotencyKey) {
    }

    /** ingest-service's answer to a referral, as the referrer sees it. */
    public record ReferralResult(String id, String status, String url, String canonicalUrl, String platformId,
            boolean platformKnown, String contentType, String sha256, String md5, String pdq, String pdqQuality,
            String duplicateOf, String caseId, Deconfliction deconfliction, String classificationTier,
            String classificationScore) {

        /** Another jurisdiction's case of the same content: its id, owner and status only. */
        public record Deconfliction(String caseId, String ownerJurisdiction, String ownerAgency, String status) {
        }

        /** Still waiting for case-service to take the referral. */
        public boolean pending() {
            return caseId == null && deconfliction == null;
        }

        public static ReferralResult of(JsonNode r) {
            JsonNode signals = r.path("signals");
            JsonNode d = r.path("deconfliction");
            JsonNode c = r.path("classification");
            return new ReferralResult(text(r, "id"), text(r, "status"), text(r, "url"), text(r, "canonicalUrl"),
                    text(r, "platformId"), r.path("platformKnown").asBoolean(false), text(r, "contentType"),
                    text(signals, "sha256"), text(signals, "md5"), text(signals, "pdq"), text(signals, "pdqQuality"),
                    text(r, "duplicateOf"), text(r, "caseId"),
                    d.isObject() ? new Deconfliction(text(d, "caseId"), text(d, "ownerJurisdiction"),
                            text(d, "ownerAgency"), text(d, "status")) : null,
                    c.isObject() ? text(c, "tier") : null, c.isObject() ? text(c, "score") : null);
        }
    }

    /** A referral of a case with its classification evidence; {@code sha256} when content bytes were preserved. */
    public record ReferralEvidence(ReferralView referral, ClassificationEvidence evidence, String sha256) {
    }

    /** The assessment form's values. */
    public record Assessment(String decision, List<String> categories, String tier, String entity, String legalBasis,
            String reasons) {

        public boolean checked(String category) {
            return categories.contains(category);
        }

        public static Assessment empty() {
            return new Assessment(null, List.of(), null, null, null, null);
        }
    }

    /** The removal order form's values (Annex I), pre-filled from the case and its assessment. */
    public record Order(String fileNumber, String urls, String contentLocator, List<String> categories, String reasons,
            boolean doNotInform, boolean emergency, String emergencyReasons, String officer) {

        public boolean checked(String category) {
            return categories.contains(category);
        }
    }

    /** One month of the compliance report of a platform, for the time-to-removal chart. */
    public record Month(String label, long received, Double median, Double p90, Double shareWithinOneHour) {

        public String medianText() {
            return SvgChart.minutes(median);
        }

        public String p90Text() {
            return SvgChart.minutes(p90);
        }

        public String shareText() {
            return SvgChart.percent(shareWithinOneHour);
        }
    }

    /** The Art. 2(7) categories, in the order of the Regulation. */
    public static List<String> categories() {
        return Arrays.stream(Category.values()).map(Enum::name).toList();
    }

    /** Non-blank lines of a text area. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
