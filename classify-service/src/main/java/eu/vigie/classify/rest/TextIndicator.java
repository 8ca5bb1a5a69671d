package eu.vigie.classify.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

import eu.vigie.classify.DesignationList;
import eu.vigie.classify.IndicatorKind;
import eu.vigie.common.vocabulary.Category;

/**
 * One hit in a text: a designated entity's name or a category indicator phrase. {@code start} and
 * {@code end} are offsets in the original text, in UTF-16 code units (as Java and JavaScript
 * index strings), end exclusive; {@code term} is the listed name or phrase that matched.
 */
@Schema(name = "TextIndicator")
public record TextIndicator(IndicatorKind kind, String term, Category category, String entity, int start, int end,
        String language, String explanation,
        @Schema(description = "For a DESIGNATED_ENTITY hit, the designation lists the entity is on (UK_PROSCRIBED, "
                + "EU_CFSP_2001_931, UN_ISIL_AQ, FR_GEL, in that order; empty if on none); null for a CATEGORY_TERM hit")
        List<DesignationList> lists) {
}
