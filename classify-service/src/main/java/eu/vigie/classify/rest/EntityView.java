package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.DesignatedEntity;
import eu.vigie.classify.DesignationList;
import eu.vigie.classify.EntityAlias;
import eu.vigie.classify.EntityListing;
import eu.vigie.common.vocabulary.Tier;

@Schema(name = "DesignatedEntity")
public record EntityView(UUID id, String name, Tier tier, String source, List<Alias> aliases,
        @Schema(description = "The designation lists it is on, in the order UK_PROSCRIBED, EU_CFSP_2001_931, UN_ISIL_AQ, FR_GEL")
        List<Listing> listings, Instant createdAt, String createdBy) {

    @Schema(name = "Listing")
    public record Listing(DesignationList list,
            @Schema(description = "The list's own name for the entity where it differs; null otherwise") String listedName,
            @Schema(description = "The instrument and entry that list it, as cited; null if not known") String reference,
            Instant createdAt, String createdBy) {
        static Listing of(EntityListing l) {
            return new Listing(l.list, l.listedName, l.reference, l.createdAt, l.createdBy);
        }
    }

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
                e.listings.stream().sorted(java.util.Comparator.comparing((EntityListing l) -> l.list))
                        .map(Listing::of).toList(),
                e.createdAt, e.createdBy);
    }
}
