package eu.vigie.classify.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.CategoryIndicator;
import eu.vigie.common.vocabulary.Category;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class CategoryIndicatorRepository implements PanacheRepositoryBase<CategoryIndicator, UUID> {

    public List<CategoryIndicator> search(Category category, String language) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category);
        }
        if (language != null) {
            query.append(" and language = :language");
            params.and("language", language);
        }
        query.append(" order by category, language, phrase");
        return list(query.toString(), params);
    }

    public Optional<CategoryIndicator> find(Category category, String phrase, String language) {
        return find("category = ?1 and lower(phrase) = lower(?2) and language = ?3", category, phrase, language)
                .firstResultOptional();
    }

    /** An indicator phrase with its category and language. */
    public record PhraseRow(String phrase, String language, Category category) {
    }

    /** Every indicator phrase, by category, language and phrase (as {@link #search} orders them); nothing is managed. */
    public List<PhraseRow> phraseRows() {
        List<PhraseRow> rows = new ArrayList<>();
        for (Object[] row : getEntityManager().createQuery("select i.phrase, i.language, i.category"
                + " from CategoryIndicator i order by i.category, i.language, i.phrase", Object[].class).getResultList()) {
            rows.add(new PhraseRow((String) row[0], (String) row[1], (Category) row[2]));
        }
        return rows;
    }
}
