package eu.vigie.classify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.classify.IndicatorKind;
import eu.vigie.classify.Routing;
import eu.vigie.classify.rest.SignalLabels;
import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.classify.rest.TextIndicator;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.SignalType;
import eu.vigie.common.vocabulary.Tier;

class VerdictsTest {

    private static TextIndicatorScanner.Hit term(Category category, int start) {
        return new TextIndicatorScanner.Hit(new TextIndicator(IndicatorKind.CATEGORY_TERM, "t", category, null, start,
                start + 1, "en", "e", null), null);
    }

    private static TextIndicatorScanner.Hit entity(String name, Tier tier, int start) {
        return new TextIndicatorScanner.Hit(new TextIndicator(IndicatorKind.DESIGNATED_ENTITY, name, null, name, start,
                start + 1, "en", "e", java.util.List.of()), tier);
    }

    private static SignalMatch match(SignalType type, int distance, Tier tier, String entity, Category... categories) {
        return new SignalMatch("CONFIRMED", UUID.randomUUID(), type, "00", distance,
                new SignalLabels(List.of(categories), entity, tier));
    }

    @Test
    void categoriesAloneArePromotionalAndScoreByTheFormula() {
        Verdicts.Verdict v = Verdicts.decide(List.of(),
                List.of(term(Category.INSTRUCTION, 0), term(Category.INSTRUCTION, 5), term(Category.INCITEMENT, 9)),
                List.of());
        assertEquals(List.of(Category.INCITEMENT, Category.INSTRUCTION), v.categories());
        assertEquals(Tier.PROMOTIONAL, v.tier());
        assertEquals(new BigDecimal("0.51"), v.score()); // 1 - 0.7^2: repeated hits add nothing
        assertEquals(Routing.NORMAL_REVIEW, v.routing());
        assertNull(v.entity());
    }

    @Test
    void everyKindOfEvidenceCombinesAsANoisyOrBelowOne() {
        Verdicts.Verdict v = Verdicts.decide(List.of(match(SignalType.SHA256, 0, null, null)),
                List.of(entity("Islamic State", Tier.DESIGNATED_GROUP, 0), term(Category.INCITEMENT, 2),
                        term(Category.SOLICITATION, 3), term(Category.GROUP_PARTICIPATION, 4),
                        term(Category.INSTRUCTION, 5)),
                List.of());
        assertEquals(new BigDecimal("0.994"), v.score()); // 1 - 0.05 x 0.5 x 0.7^4 = 0.9939975
        assertEquals(Routing.FAST_TRACK_REVIEW, v.routing());
        assertTrue(v.explanations().contains(
                "Score 0.994 = 1 - (1 - hash evidence 0.95) x (1 - designated entity in the text 0.50) x (1 - 0.30) for each of 4 categories in the text (INCITEMENT, SOLICITATION, GROUP_PARTICIPATION, INSTRUCTION): 0.5 or more is a strong indication, 0.8 or more a very strong one."));
    }

    @Test
    void threatImpliesCrisisButNeverThreatToLifeOnItsOwn() {
        Verdicts.Verdict v = Verdicts.decide(List.of(), List.of(term(Category.THREAT, 0)), List.of());
        assertEquals(Tier.CRISIS, v.tier());
        assertEquals(Routing.FAST_TRACK_REVIEW, v.routing());
        assertEquals(new BigDecimal("0.3"), v.score());
    }

    @Test
    void mostUrgentEvidenceDecidesTierAndEntity() {
        Verdicts.Verdict v = Verdicts.decide(
                List.of(match(SignalType.MD5, 0, Tier.PROMOTIONAL, "National Action", Category.INCITEMENT),
                        match(SignalType.SHA256, 0, Tier.THREAT_TO_LIFE, "The Base", Category.THREAT)),
                List.of(entity("Islamic State", Tier.DESIGNATED_GROUP, 0)), List.of());
        assertEquals(Tier.THREAT_TO_LIFE, v.tier());
        assertEquals("The Base", v.entity());
        assertEquals(Routing.FAST_TRACK_REVIEW, v.routing());
    }

    @Test
    void designatedEntityInTheTextIsPriority() {
        Verdicts.Verdict v = Verdicts.decide(List.of(), List.of(entity("al-Qaeda", Tier.DESIGNATED_GROUP, 3)), List.of());
        assertEquals(Tier.DESIGNATED_GROUP, v.tier());
        assertEquals("al-Qaeda", v.entity());
        assertEquals(new BigDecimal("0.5"), v.score());
        assertEquals(Routing.NORMAL_REVIEW, v.routing());
        assertTrue(v.categories().isEmpty());
    }

    @Test
    void nearPdqMatchScoresLessThanAnExactOne() {
        Verdicts.Verdict v = Verdicts.decide(List.of(match(SignalType.PDQ, 12, null, null)), List.of(), List.of());
        assertEquals(new BigDecimal("0.83"), v.score());
        assertEquals(Routing.FAST_TRACK_REVIEW, v.routing());
        assertNull(v.tier());
        Verdicts.Verdict atThreshold = Verdicts.decide(List.of(match(SignalType.PDQ, 31, null, null)), List.of(),
                List.of());
        assertEquals(new BigDecimal("0.64"), atThreshold.score());
        assertEquals(Routing.NORMAL_REVIEW, atThreshold.routing());
        Verdicts.Verdict wide = Verdicts.decide(List.of(match(SignalType.PDQ, 60, null, null)), List.of(), List.of());
        assertEquals(new BigDecimal("0.5"), wide.score(), "a PDQ match is never weaker than 0.50");
        Verdicts.Verdict strongestCounts = Verdicts.decide(
                List.of(match(SignalType.PDQ, 31, null, null), match(SignalType.PDQ, 2, null, null)), List.of(),
                List.of());
        assertEquals(new BigDecimal("0.93"), strongestCounts.score(), "several matches are one indication");
    }

    @Test
    void nothingFoundIsZeroAndLowPriorityAndOneCategoryAloneStaysLow() {
        Verdicts.Verdict none = Verdicts.decide(List.of(), List.of(), List.of());
        assertEquals(0, none.score().signum());
        assertEquals(Routing.LOW_PRIORITY, none.routing());
        Verdicts.Verdict one = Verdicts.decide(List.of(), List.of(term(Category.INCITEMENT, 0)), List.of());
        assertEquals(new BigDecimal("0.3"), one.score());
        assertEquals(Routing.LOW_PRIORITY, one.routing());
        assertTrue(one.explanations().contains(
                "Routing LOW_PRIORITY: no urgent tier and a score below 0.5. This is a suggestion only: a person assesses the content."));
    }

    @Test
    void theScoreIsWithinZeroAndOneAndTheSameForTheSameEvidence() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42L);
        Category[] all = Category.values();
        for (int trial = 0; trial < 2000; trial++) {
            List<SignalMatch> matches = new java.util.ArrayList<>();
            for (int m = random.nextInt(3); m > 0; m--) {
                matches.add(random.nextBoolean() ? match(SignalType.PDQ, random.nextInt(80), null, null)
                        : match(SignalType.MD5, 0, null, null));
            }
            List<TextIndicatorScanner.Hit> hits = new java.util.ArrayList<>();
            for (int h = random.nextInt(6); h > 0; h--) {
                hits.add(random.nextInt(4) == 0 ? entity("Hizballah", Tier.DESIGNATED_GROUP, h)
                        : term(all[random.nextInt(all.length)], h));
            }
            Verdicts.Verdict v = Verdicts.decide(matches, hits, List.of());
            assertTrue(v.score().signum() >= 0 && v.score().compareTo(BigDecimal.ONE) <= 0, v.score().toString());
            assertTrue(v.score().scale() <= 3, v.score().toPlainString());
            Verdicts.Verdict again = Verdicts.decide(List.copyOf(matches), List.copyOf(hits), List.of());
            assertEquals(v.score(), again.score());
            assertEquals(v.routing(), again.routing());
            assertEquals(v.explanations(), again.explanations());
        }
    }
}
