package eu.vigie.ingest.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** classify-service's answer to {@code POST /api/v1/hashes}: PDQ (64 hex) with its quality (0-100), MD5, SHA-256. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageHashes(String pdq, Integer quality, String md5, String sha256) {
}
