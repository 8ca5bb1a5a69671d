package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import eu.vigie.classify.IndicatorKind;
import eu.vigie.classify.Routing;
import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.classify.rest.TextIndicator;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.SignalType;
import eu.vigie.common.vocabulary.Tier;

/**
 * Turns evidence (bank matches and text hits) into a verdict. The rules, which reviewers and courts
 * can check by hand:
 *
 * <p><b>Categories</b>: every category of a matched signal's labels and of a category indicator found
 * in the text.
 *
 * <p><b>Tier</b>: the most urgent of the tiers the evidence implies (most urgent first:
 * THREAT_TO_LIFE, CRISIS, DESIGNATED_GROUP, PROMOTIONAL): a matched signal implies its label's
 * tier; a THREAT category, from any evidence, implies at least CRISIS (a machine cannot establish
 * a specific threat to a life: THREAT_TO_LIFE is only ever set by people, through bank labels); a
 * designated entity named in the text implies its designation tier; any other category implies
 * PROMOTIONAL. No evidence, no tier.
 *
 * <p><b>Entity</b>: the entity of the most urgent evidence that names one; bank labels before text;
 * in the text, the first named.
 *
 * <p><b>Score</b> (0-100) = min(100, H + E + C): H = 70 for an exact hash match (MD5, SHA-256,
 * or PDQ at distance 0), 70 - d for the nearest PDQ match at Hamming distance d, else 0; E = 20
 * when the text names a designated entity, else 0; C = 25 for the first category the text
 * indicates and 10 for each further one, at most 45. Repeated hits add nothing.
 *
 * <p><b>Routing</b>: URGENT_REVIEW when the tier is THREAT_TO_LIFE or CRISIS or the score is at
 * least 80; PRIORITY_REVIEW when the tier is DESIGNATED_GROUP or the score is at least 50;
 * STANDARD_REVIEW otherwise.
 */
public final class Verdicts {

    public static final int HASH_POINTS = 70;
    public static final int ENTITY_POINTS = 20;
    public static final int FIRST_CATEGORY_POINTS = 25;
    public static final int FURTHER_CATEGORY_POINTS = 10;
    public static final int MAX_CATEGORY_POINTS = 45;
    public static final int URGENT_SCORE = 80;
    public static final int PRIORITY_SCORE = 50;

    /** The verdict's conclusions, each with its sentence. */
    public record Verdict(List<Category> categories, String entity, Tier tier, int score, Routing routing,
            List<String> explanations) {
    }

    private Verdicts() {
    }

    public static Verdict decide(List<SignalMatch> matches, List<TextIndicatorScanner.Hit> hits, List<String> notes) {
        List<String> explanations = new ArrayList<>();
        // One sentence per match.
        for (SignalMatch m : matches) {
            explanations.add(describeMatch(m));
        }

        // Categories and the evidence for each.
        Map<Category, List<String>> categoryEvidence = new EnumMap<>(Category.class);
        for (SignalMatch m : matches) {
            for (Category c : m.labels().categories()) {
                categoryEvidence.computeIfAbsent(c, k -> new ArrayList<>())
                        .add("the labels of signal " + m.signalId() + " of bank " + m.bank());
            }
        }
        TreeSet<Category> textCategories = new TreeSet<>();
        for (TextIndicatorScanner.Hit hit : hits) {
            TextIndicator t = hit.indicator();
            if (t.kind() == IndicatorKind.CATEGORY_TERM) {
                textCategories.add(t.category());
                categoryEvidence.computeIfAbsent(t.category(), k -> new ArrayList<>())
                        .add("the text '" + t.term() + "' [" + t.language() + "] at " + t.start() + "-" + t.end());
            }
        }
        for (Map.Entry<Category, List<String>> e : categoryEvidence.entrySet()) {
            explanations.add("Category " + e.getKey() + " (" + TextIndicatorScanner.meaningOf(e.getKey())
                    + ") is indicated by " + String.join(", ", e.getValue()) + ".");
        }
        List<Category> categories = List.copyOf(categoryEvidence.keySet());

        // Tier: most urgent evidence wins.
        Tier tier = null;
        String tierReason = null;
        for (SignalMatch m : matches) {
            if (m.labels().tier() != null && moreUrgent(m.labels().tier(), tier)) {
                tier = m.labels().tier();
                tierReason = "signal " + m.signalId() + " of bank " + m.bank() + " is labelled " + tier;
            }
        }
        if (categoryEvidence.containsKey(Category.THREAT) && moreUrgent(Tier.CRISIS, tier)) {
            tier = Tier.CRISIS;
            tierReason = "a THREAT category implies at least CRISIS";
        }
        for (TextIndicatorScanner.Hit hit : hits) {
            if (hit.indicator().kind() == IndicatorKind.DESIGNATED_ENTITY && moreUrgent(hit.entityTier(), tier)) {
                tier = hit.entityTier();
                tierReason = "the text names " + hit.indicator().entity() + ", whose designation carries " + tier;
            }
        }
        if (!categories.isEmpty() && moreUrgent(Tier.PROMOTIONAL, tier)) {
            tier = Tier.PROMOTIONAL;
            tierReason = "terrorist content categories are indicated without a more urgent element";
        }
        if (tier != null) {
            explanations.add("Tier " + tier + ": " + tierReason + " (the most urgent evidence decides).");
        }

        // Entity: from the most urgent evidence that names one; labels before text.
        String entity = null;
        Tier entityTier = null;
        String entityReason = null;
        for (SignalMatch m : matches) {
            if (m.labels().entity() != null && (entity == null || moreUrgent(m.labels().tier(), entityTier))) {
                entity = m.labels().entity();
                entityTier = m.labels().tier();
                entityReason = "the labels of signal " + m.signalId() + " of bank " + m.bank();
            }
        }
        boolean textNamesEntity = false;
        for (TextIndicatorScanner.Hit hit : hits) {
            TextIndicator t = hit.indicator();
            if (t.kind() == IndicatorKind.DESIGNATED_ENTITY) {
                textNamesEntity = true;
                if (entity == null || moreUrgent(hit.entityTier(), entityTier)) {
                    entity = t.entity();
                    entityTier = hit.entityTier();
                    entityReason = "the text naming it as '" + t.term() + "' [" + t.language() + "] at " + t.start()
                            + "-" + t.end();
                }
            }
        }
        if (entity != null) {
            explanations.add("Entity " + entity + ": from " + entityReason + ".");
        }

        // Score.
        int hashPoints = matches.stream().mapToInt(m -> m.signalType() == SignalType.PDQ ? HASH_POINTS - m.distance()
                : HASH_POINTS).max().orElse(0);
        int entityPoints = textNamesEntity ? ENTITY_POINTS : 0;
        int categoryPoints = textCategories.isEmpty() ? 0
                : Math.min(MAX_CATEGORY_POINTS,
                        FIRST_CATEGORY_POINTS + FURTHER_CATEGORY_POINTS * (textCategories.size() - 1));
        int score = Math.min(100, hashPoints + entityPoints + categoryPoints);
        explanations.add("Score " + score + " = hash evidence " + hashPoints + " + designated entity in the text "
                + entityPoints + " + categories in the text " + categoryPoints
                + (textCategories.isEmpty() ? ""
                        : " (" + textCategories.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")")
                + ", at most 100.");

        // Routing.
        Routing routing;
        String routingReason;
        if (tier == Tier.THREAT_TO_LIFE || tier == Tier.CRISIS) {
            routing = Routing.URGENT_REVIEW;
            routingReason = "tier " + tier + " is urgent";
        } else if (score >= URGENT_SCORE) {
            routing = Routing.URGENT_REVIEW;
            routingReason = "the score is at least " + URGENT_SCORE;
        } else if (tier == Tier.DESIGNATED_GROUP) {
            routing = Routing.PRIORITY_REVIEW;
            routingReason = "tier DESIGNATED_GROUP calls for priority";
        } else if (score >= PRIORITY_SCORE) {
            routing = Routing.PRIORITY_REVIEW;
            routingReason = "the score is at least " + PRIORITY_SCORE;
        } else {
            routing = Routing.STANDARD_REVIEW;
            routingReason = matches.isEmpty() && hits.isEmpty()
                    ? "no hash bank matched and the text names no designated entity and holds no category indicator"
                    : "no urgent tier and a score below " + PRIORITY_SCORE;
        }
        explanations.addAll(notes);
        explanations.add("Routing " + routing + ": " + routingReason
                + ". This is a suggestion only: a person assesses the content.");
        return new Verdict(categories, entity, tier, score, routing, explanations);
    }

    static String describeMatch(SignalMatch m) {
        String how = switch (m.signalType()) {
            case SHA256 -> "SHA-256 matches signal " + m.signalId() + " of bank " + m.bank() + " exactly";
            case MD5 -> "MD5 matches signal " + m.signalId() + " of bank " + m.bank() + " exactly";
            case PDQ -> "PDQ is within Hamming distance " + m.distance() + " of signal " + m.signalId() + " of bank "
                    + m.bank();
        };
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("categories", m.labels().categories().isEmpty() ? "none"
                : m.labels().categories().stream().map(Enum::name).collect(Collectors.joining(", ")));
        labels.put("entity", m.labels().entity() == null ? "none" : m.labels().entity());
        labels.put("tier", m.labels().tier() == null ? "none" : m.labels().tier().name());
        return how + " (labels: " + labels.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; ")) + ").";
    }

    private static boolean moreUrgent(Tier candidate, Tier current) {
        return candidate != null && (current == null || candidate.ordinal() < current.ordinal());
    }
}
