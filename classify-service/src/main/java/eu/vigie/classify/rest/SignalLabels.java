package eu.vigie.classify.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

/** What a signal's content is: its Art. 2(7) categories, the entity behind it, its urgency tier. */
@Schema(name = "SignalLabels")
public record SignalLabels(List<@NotNull Category> categories, @Size(max = 200) String entity, Tier tier) {

    public SignalLabels {
        categories = categories == null ? List.of() : categories.stream().distinct().sorted().toList();
    }
}
