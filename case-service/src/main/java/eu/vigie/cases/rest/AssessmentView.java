package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.List;

import eu.vigie.cases.CaseFile;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

public record AssessmentView(AssessmentDecision decision, List<Category> categories, Tier tier, String entity,
        String legalBasis, String reasons, String assessedBy, Instant assessedAt) {

    public static AssessmentView of(CaseFile file) {
        if (file.assessmentDecision == null) {
            return null;
        }
        return new AssessmentView(file.assessmentDecision, List.copyOf(file.assessmentCategories), file.assessmentTier,
                file.assessmentEntity, file.assessmentLegalBasis, file.assessmentReasons, file.assessedBy,
                file.assessedAt);
    }
}
