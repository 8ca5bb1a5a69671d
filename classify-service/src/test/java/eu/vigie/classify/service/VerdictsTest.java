package eu.vigie.classify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                start + 1, "en", "e"), null);
    }

    private static TextIndicatorScanner.Hit entity(String name, Tier tier, int start) {
        return new TextIndicatorScanner.Hit(new TextIndicator(IndicatorKind.DESIGNATED_ENTITY, name, null, name, start,
                start + 1, "en", "e"), tier);
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
        assertEquals(35, v.score()); // 25 + 10: repeated hits add nothing
        assertEquals(Routing.STANDARD_REVIEW, v.routing());
        assertNull(v.entity());
    }

    @Test
    void categoryPointsAreCappedAndTheScoreAt100() {
        Verdicts.Verdict v = Verdicts.decide(List.of(match(SignalType.SHA256, 0, null, null)),
                List.of(entity("Islamic State", Tier.DESIGNATED_GROUP, 0), term(Category.INCITEMENT, 2),
                        term(Category.SOLICITATION, 3), term(Category.GROUP_PARTICIPATION, 4),
                        term(Category.INSTRUCTION, 5)),
                List.of());
        assertEquals(100, v.score()); // 70 + 20 + min(45, 55)
        assertEquals(Routing.URGENT_REVIEW, v.routing());
        assertTrue(v.explanations().contains(
                "Score 100 = hash evidence 70 + designated entity in the text 20 + categories in the text 45 (INCITEMENT, SOLICITATION, GROUP_PARTICIPATION, INSTRUCTION), at most 100."));
    }

    @Test
    void threatImpliesCrisisButNeverThreatToLifeOnItsOwn() {
        Verdicts.Verdict v = Verdicts.decide(List.of(), List.of(term(Category.THREAT, 0)), List.of());
        assertEquals(Tier.CRISIS, v.tier());
        assertEquals(Routing.URGENT_REVIEW, v.routing());
        assertEquals(25, v.score());
    }

    @Test
    void mostUrgentEvidenceDecidesTierAndEntity() {
        Verdicts.Verdict v = Verdicts.decide(
                List.of(match(SignalType.MD5, 0, Tier.PROMOTIONAL, "National Action", Category.INCITEMENT),
                        match(SignalType.SHA256, 0, Tier.THREAT_TO_LIFE, "The Base", Category.THREAT)),
                List.of(entity("Islamic State", Tier.DESIGNATED_GROUP, 0)), List.of());
        assertEquals(Tier.THREAT_TO_LIFE, v.tier());
        assertEquals("The Base", v.entity());
        assertEquals(Routing.URGENT_REVIEW, v.routing());
    }

    @Test
    void designatedEntityInTheTextIsPriority() {
        Verdicts.Verdict v = Verdicts.decide(List.of(), List.of(entity("al-Qaeda", Tier.DESIGNATED_GROUP, 3)), List.of());
        assertEquals(Tier.DESIGNATED_GROUP, v.tier());
        assertEquals("al-Qaeda", v.entity());
        assertEquals(20, v.score());
        assertEquals(Routing.PRIORITY_REVIEW, v.routing());
        assertTrue(v.categories().isEmpty());
    }

    @Test
    void nearPdqMatchScoresLessThanAnExactOne() {
        Verdicts.Verdict v = Verdicts.decide(List.of(match(SignalType.PDQ, 12, null, null)), List.of(), List.of());
        assertEquals(58, v.score());
        assertEquals(Routing.PRIORITY_REVIEW, v.routing());
        assertNull(v.tier());
    }
}
