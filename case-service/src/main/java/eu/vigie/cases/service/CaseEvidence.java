package eu.vigie.cases.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.Referral;

/**
 * The evidence of a case at ingest-service: the SHA-256 of every referral's content bytes (its
 * {@code sha256:} content key, or the {@code sha256} signal), distinct, first seen first. A case about
 * a URL only has none.
 */
@ApplicationScoped
public class CaseEvidence {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ObjectMapper mapper;

    public CaseEvidence(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<String> sha256s(List<Referral> referrals) {
        Set<String> hashes = new LinkedHashSet<>();
        for (Referral referral : referrals) {
            if (referral.contentKey != null && referral.contentKey.startsWith("sha256:")) {
                add(hashes, referral.contentKey.substring("sha256:".length()));
            }
            if (referral.signals != null) {
                try {
                    JsonNode sha256 = mapper.readTree(referral.signals).get("sha256");
                    if (sha256 != null && sha256.isTextual()) {
                        add(hashes, sha256.asText());
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Stored signals of referral " + referral.id + " are not JSON", e);
                }
            }
        }
        return List.copyOf(hashes);
    }

    private static void add(Set<String> hashes, String value) {
        String hash = value.strip().toLowerCase(Locale.ROOT);
        if (SHA256.matcher(hash).matches()) {
            hashes.add(hash);
        }
    }
}
