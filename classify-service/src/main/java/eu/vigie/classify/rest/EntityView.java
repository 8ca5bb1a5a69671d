package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.DesignatedEntity;
import eu.vigie.classify.EntityAlias;
import eu.vigie.common.vocabulary.Tier;

@Schema(name = "DesignatedEntity")
public record EntityView(UUID id, String name, Tier tier, String source, List<Alias> aliases, Instant createdAt,
        String createdBy) {

    @Schema(name = "Alias")
    public record Alias(UUID id, String alias, String language, boolean caseSensitive) {
        static Alias of(EntityAlias a) {
            return new Alias(a.id, a.alias, a.language, a.caseSensitive);
        }
    }

    public static EntityView of(DesignatedEntity e) {
        return new EntityView(e.id, e.name, e.tier, e.source,
                e.aliases.stream().sorted(java.util.Comparator.comparing((EntityAlias a) -> a.language)
                        .thenComparing(a -> a.alias)).map(Alias::of).toList(),
                e.createdAt, e.createdBy);
    }
}
