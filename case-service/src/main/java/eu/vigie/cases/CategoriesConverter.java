package eu.vigie.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import eu.vigie.common.vocabulary.Category;

/** Stores a set of Art. 2(7) categories as a comma-separated list, in the order of the Regulation. */
@Converter
public class CategoriesConverter implements AttributeConverter<Set<Category>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Category> categories) {
        if (categories == null || categories.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(categories).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Category> convertToEntityAttribute(String column) {
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(String::trim).map(Category::valueOf).forEach(categories::add);
        }
        return categories;
    }
}
