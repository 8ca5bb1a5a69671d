package eu.vigie.cases.console;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A classification verdict (classify-service's answer, kept on the case and its referrals) as the
 * case page shows it: the hash matches with their distance, the text indicators with their span, and
 * the explanations. Only what the verdict says: nothing is inferred here.
 */
public record ClassificationEvidence(List<String> categories, String entity, String tier, String score,
        String routing, List<Match> matches, List<Indicator> indicators, List<String> explanations) {

    /** A match against a hash bank; {@code distance} 0 for exact hashes, the Hamming distance for PDQ. */
    public record Match(String bank, String signalType, String value, Integer distance, String transform,
            List<String> categories, String entity, String tier) {
    }

    /** A text indicator: the matched term, its category or entity, and its span [start, end) in the text. */
    public record Indicator(String kind, String term, String category, String entity, Integer start, Integer end,
            String language, String explanation) {
    }

    /** Null when there is no verdict (classification pending or failed). */
    public static ClassificationEvidence of(JsonNode verdict) {
        if (verdict == null || !verdict.isObject()) {
            return null;
        }
        List<Match> matches = new ArrayList<>();
        for (JsonNode m : verdict.path("matches")) {
            JsonNode labels = m.path("labels");
            matches.add(new Match(text(m, "bank"), text(m, "signalType"), text(m, "value"), integer(m, "distance"),
                    text(m, "transform"), texts(labels.path("categories")), text(labels, "entity"),
                    text(labels, "tier")));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (JsonNode i : verdict.path("indicators")) {
            indicators.add(new Indicator(text(i, "kind"), text(i, "term"), text(i, "category"), text(i, "entity"),
                    integer(i, "start"), integer(i, "end"), text(i, "language"), text(i, "explanation")));
        }
        return new ClassificationEvidence(texts(verdict.path("categories")), text(verdict, "entity"),
                text(verdict, "tier"), verdict.path("score").isNumber() ? verdict.path("score").asText() : null,
                text(verdict, "routing"), matches, indicators, texts(verdict.path("explanations")));
    }

    public boolean hasMatches() {
        return !matches.isEmpty();
    }

    public boolean hasIndicators() {
        return !indicators.isEmpty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        }
        return values;
    }
}
