package eu.vigie.cases.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

/** A reviewer's assessment: the Art. 2(7) categories are required when the content is terrorist content. */
public record AssessmentRequest(
        @NotNull AssessmentDecision decision,
        List<@NotNull Category> categories,
        Tier tier,
        @Size(max = 300) String entity,
        @Size(max = 1000) String legalBasis,
        @NotBlank @Size(max = 10000) String reasons) {
}
