package eu.vigie.cases.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.Referral;
import eu.vigie.cases.client.CurationFlag;
import eu.vigie.common.outbox.Outbox;

/**
 * Curation flags (ARCHITECTURE.md, "Curation flags"): when a reviewer assesses a case
 * NOT_TERRORIST_CONTENT although its classification had hash matches, every matched bank signal is
 * flagged at classify-service for a curator, with the reviewer's reasons. Enqueued in the
 * assessment's transaction; the flag id is derived from the case, the signal and the assessment
 * time, so a replayed delivery is the same flag and a later re-assessment a new one.
 */
@ApplicationScoped
public class CurationFlags {

    public static final String TOPIC = "signals.curation";

    private static final Pattern BANK = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public CurationFlags(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Flags every distinct bank signal matched by the case's classifications; answers "bank/signalId" of each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> flag(CaseFile file, List<Referral> referrals, Instant assessedAt) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> classifications = new ArrayList<>();
        classifications.add(file.classification);
        referrals.forEach(r -> classifications.add(r.classification));
        for (String classification : classifications) {
            JsonNode matches = read(classification).path("matches");
            if (!matches.isArray()) {
                continue;
            }
            for (JsonNode match : matches) {
                String bank = match.path("bank").asText("");
                String signalId = match.path("signalId").asText("");
                if (BANK.matcher(bank).matches() && UUID_TEXT.matcher(signalId).matches()) {
                    seen.add(bank + "/" + signalId.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        String reason = "Assessed NOT_TERRORIST_CONTENT by " + file.assessedBy + ": " + file.assessmentReasons;
        for (String key : seen) {
            int slash = key.indexOf('/');
            UUID flagId = UUID.nameUUIDFromBytes(("curation:" + file.id + ":" + key + ":" + Canonical.time(assessedAt))
                    .getBytes(StandardCharsets.UTF_8));
            outbox.enqueue(TOPIC, file.id.toString(), new CurationFlagMessage(key.substring(0, slash),
                    key.substring(slash + 1), new CurationFlag(flagId, file.id, reason, assessedAt)));
        }
        return List.copyOf(seen);
    }

    private JsonNode read(String classification) {
        if (classification == null) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(classification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored classification is not JSON", e);
        }
    }
}
