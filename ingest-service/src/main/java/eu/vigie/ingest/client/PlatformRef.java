package eu.vigie.ingest.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What ingest needs of a platform of notify-service's registry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformRef(String id, String name, List<String> hostnames, String homeJurisdiction,
        List<ShortLink> shortLinks) {

    public PlatformRef(String id, String name, List<String> hostnames, String homeJurisdiction) {
        this(id, name, hostnames, homeJurisdiction, List.of());
    }

    /**
     * A platform's short link form: on {@code host}, a path matching {@code pattern} is the content
     * whose canonical URL is {@code canonical} with {@code {1}}...{@code {9}} replaced by the pattern's groups.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShortLink(String host, String pattern, String canonical) {
    }
}
