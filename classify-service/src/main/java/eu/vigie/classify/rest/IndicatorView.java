package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.CategoryIndicator;
import eu.vigie.common.vocabulary.Category;

@Schema(name = "Indicator")
public record IndicatorView(UUID id, Category category, String phrase, String language, Instant createdAt,
        String createdBy) {

    public static IndicatorView of(CategoryIndicator i) {
        return new IndicatorView(i.id, i.category, i.phrase, i.language, i.createdAt, i.createdBy);
    }
}
