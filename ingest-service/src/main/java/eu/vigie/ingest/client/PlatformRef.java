package eu.vigie.ingest.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What ingest needs of a platform of notify-service's registry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformRef(String id, String name, List<String> hostnames, String homeJurisdiction) {
}
