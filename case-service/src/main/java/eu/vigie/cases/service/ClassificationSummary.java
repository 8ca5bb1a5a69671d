package eu.vigie.cases.service;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import eu.vigie.cases.Routing;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

/**
 * The parts of classify-service's verdict that prioritise a case; the whole verdict is stored as
 * received. {@code score} is a number in [0,1] with at most three decimals, {@code routing} one of
 * {@link Routing} (third-round contract); {@link IntakeService} checks both before this is read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
// read only through ObjectMapper.treeToValue: registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record ClassificationSummary(List<Category> categories, String entity, Tier tier, BigDecimal score,
        Routing routing) {

    public BigDecimal scoreOrZero() {
        return score == null ? BigDecimal.ZERO : score;
    }
}
