package eu.vigie.cases.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

/** The parts of classify-service's verdict that prioritise a case; the whole verdict is stored as received. */
@JsonIgnoreProperties(ignoreUnknown = true)
// read only through ObjectMapper.treeToValue: registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record ClassificationSummary(List<Category> categories, String entity, Tier tier, Integer score,
        String routing) {

    public int scoreOrZero() {
        return score == null ? 0 : Math.max(0, Math.min(100, score));
    }
}
