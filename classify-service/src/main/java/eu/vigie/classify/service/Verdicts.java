package eu.vigie.classify.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import eu.vigie.classify.IndicatorKind;
import eu.vigie.classify.Routing;
import eu.vigie.classify.pdq.DihedralTransform;
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
 * <p><b>Score</b>, a number in [0,1] with three decimals: how strongly the evidence found by the machine indicates
 * terrorist content, each kind of evidence counted as an independent indication of fixed strength and the
 * strengths combined as a noisy-OR, {@code score = 1 - (1 - h)(1 - e)(1 - c)^k}, rounded half-up to three
 * decimals. The strengths are policy weights written here, not a probability fitted to past decisions:
 * <ul>
 * <li>h, the strongest hash match: 0.95 for an exact one (MD5, SHA-256, or PDQ at distance 0), and
 * max(0.50, 0.95 - 0.01 d) for a PDQ match at Hamming distance d (0.64 at the industry's threshold 31); 0 without
 * a match. Several matches of the same content are one indication, not several;</li>
 * <li>e = 0.50 when the text names a designated entity (however many), else 0;</li>
 * <li>c = 0.30 for each distinct Art. 2(7) category the text indicates (k of them); repeated hits add nothing.</li>
 * </ul>
 * So 0 means nothing was found; 0.5 or more means at least one strong indication (any hash match, a designated
 * entity named, or two categories with more besides) and calls for a normal review; 0.8 or more means content a
 * bank holds, near-identical (PDQ within 15 bits, or any hash match with corroborating text) or text combining a
 * designated entity with three categories, and calls for a fast-track review.
 *
 * <p><b>Routing</b>: FAST_TRACK_REVIEW when the tier is THREAT_TO_LIFE or CRISIS or the score is at least 0.8;
 * NORMAL_REVIEW when the tier is DESIGNATED_GROUP or the score is at least 0.5; LOW_PRIORITY otherwise.
 * The same evidence always gives the same score and routing: the arithmetic is exact decimal arithmetic.
 */
public final class Verdicts {

    public static final BigDecimal EXACT_HASH_STRENGTH = new BigDecimal("0.95");
    public static final BigDecimal PDQ_STRENGTH_PER_BIT = new BigDecimal("0.01");
    public static final BigDecimal MIN_PDQ_STRENGTH = new BigDecimal("0.50");
    public static final BigDecimal ENTITY_STRENGTH = new BigDecimal("0.50");
    public static final BigDecimal CATEGORY_STRENGTH = new BigDecimal("0.30");
    public static final BigDecimal FAST_TRACK_SCORE = new BigDecimal("0.8");
    public static final BigDecimal NORMAL_SCORE = new BigDecimal("0.5");

    /** The verdict's conclusions, each with its sentence. */
    public record Verdict(List<Category> categories, String entity, Tier tier, BigDecimal score, Routing routing,
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
        BigDecimal hash = matches.stream().map(Verdicts::strength).max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        BigDecimal entityStrength = textNamesEntity ? ENTITY_STRENGTH : BigDecimal.ZERO;
        BigDecimal absent = BigDecimal.ONE.subtract(hash).multiply(BigDecimal.ONE.subtract(entityStrength))
                .multiply(BigDecimal.ONE.subtract(CATEGORY_STRENGTH).pow(textCategories.size()));
        BigDecimal score = BigDecimal.ONE.subtract(absent).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        explanations.add("Score " + score.toPlainString() + " = 1 - (1 - hash evidence " + hash.toPlainString()
                + ") x (1 - designated entity in the text " + entityStrength.toPlainString()
                + ") x (1 - " + CATEGORY_STRENGTH.toPlainString() + ") for each of " + textCategories.size()
                + " categories in the text"
                + (textCategories.isEmpty() ? ""
                        : " (" + textCategories.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")")
                + ": 0.5 or more is a strong indication, 0.8 or more a very strong one.");

        // Routing.
        Routing routing;
        String routingReason;
        if (tier == Tier.THREAT_TO_LIFE || tier == Tier.CRISIS) {
            routing = Routing.FAST_TRACK_REVIEW;
            routingReason = "tier " + tier + " is urgent";
        } else if (score.compareTo(FAST_TRACK_SCORE) >= 0) {
            routing = Routing.FAST_TRACK_REVIEW;
            routingReason = "the score is at least " + FAST_TRACK_SCORE;
        } else if (tier == Tier.DESIGNATED_GROUP) {
            routing = Routing.NORMAL_REVIEW;
            routingReason = "tier DESIGNATED_GROUP calls for a review";
        } else if (score.compareTo(NORMAL_SCORE) >= 0) {
            routing = Routing.NORMAL_REVIEW;
            routingReason = "the score is at least " + NORMAL_SCORE;
        } else {
            routing = Routing.LOW_PRIORITY;
            routingReason = matches.isEmpty() && hits.isEmpty()
                    ? "no hash bank matched and the text names no designated entity and holds no category indicator"
                    : "no urgent tier and a score below " + NORMAL_SCORE;
        }
        explanations.addAll(notes);
        explanations.add("Routing " + routing + ": " + routingReason
                + ". This is a suggestion only: a person assesses the content.");
        return new Verdict(categories, entity, tier, score, routing, explanations);
    }

    /** The strength of one hash match as evidence (see the class comment). */
    static BigDecimal strength(SignalMatch m) {
        if (m.signalType() != SignalType.PDQ) {
            return EXACT_HASH_STRENGTH;
        }
        return EXACT_HASH_STRENGTH.subtract(PDQ_STRENGTH_PER_BIT.multiply(BigDecimal.valueOf(m.distance())))
                .max(MIN_PDQ_STRENGTH);
    }

    static String describeMatch(SignalMatch m) {
        String how = switch (m.signalType()) {
            case SHA256 -> "SHA-256 matches signal " + m.signalId() + " of bank " + m.bank() + " exactly";
            case MD5 -> "MD5 matches signal " + m.signalId() + " of bank " + m.bank() + " exactly";
            case PDQ -> m.transform() == null || m.transform() == DihedralTransform.ORIGINAL
                    ? "PDQ is within Hamming distance " + m.distance() + " of signal " + m.signalId() + " of bank "
                            + m.bank() + (m.transform() == null ? "" : ", as sent (transform ORIGINAL)")
                    : "PDQ of the image " + describe(m.transform()) + " (transform " + m.transform()
                            + ") is within Hamming distance " + m.distance() + " of signal " + m.signalId()
                            + " of bank " + m.bank() + ": the referred image is a " + kind(m.transform())
                            + " copy of the banked content";
        };
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("categories", m.labels().categories().isEmpty() ? "none"
                : m.labels().categories().stream().map(Enum::name).collect(Collectors.joining(", ")));
        labels.put("entity", m.labels().entity() == null ? "none" : m.labels().entity());
        labels.put("tier", m.labels().tier() == null ? "none" : m.labels().tier().name());
        return how + " (labels: " + labels.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; ")) + ").";
    }

    /** What a dihedral transform does to the image, in words. */
    static String describe(DihedralTransform transform) {
        return switch (transform) {
            case ORIGINAL -> "as sent";
            case ROTATE_90 -> "rotated by 90 degrees";
            case ROTATE_180 -> "rotated by 180 degrees";
            case ROTATE_270 -> "rotated by 270 degrees";
            case FLIP_X, FLIP_Y -> "mirrored";
            case FLIP_PLUS1 -> "mirrored about its main diagonal";
            case FLIP_MINUS1 -> "mirrored about its anti-diagonal";
        };
    }

    private static String kind(DihedralTransform transform) {
        return switch (transform) {
            case ORIGINAL -> "identical";
            case ROTATE_90, ROTATE_180, ROTATE_270 -> "rotated";
            case FLIP_X, FLIP_Y, FLIP_PLUS1, FLIP_MINUS1 -> "mirrored";
        };
    }

    private static boolean moreUrgent(Tier candidate, Tier current) {
        return candidate != null && (current == null || candidate.ordinal() < current.ordinal());
    }
}
