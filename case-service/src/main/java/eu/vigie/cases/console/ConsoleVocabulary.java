package eu.vigie.cases.console;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import eu.vigie.cases.CaseStatus;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

/** The choices the console's forms offer and the figures' formats, for templates ({@code cdi:consoleVocabulary}). */
@ApplicationScoped
@Named("consoleVocabulary")
public class ConsoleVocabulary {

    public List<CaseStatus> getCaseStatuses() {
        return List.of(CaseStatus.values());
    }

    public List<AssessmentDecision> getDecisions() {
        return List.of(AssessmentDecision.values());
    }

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public List<Tier> getTiers() {
        return List.of(Tier.values());
    }

    public String percent(Double share) {
        return SvgChart.percent(share);
    }

    public String minutes(Double seconds) {
        return SvgChart.minutes(seconds);
    }
}
