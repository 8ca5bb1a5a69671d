package eu.vigie.cases.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.Referral;
import eu.vigie.cases.client.ConfirmedSignal;
import eu.vigie.cases.client.ConfirmedSignals;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.SignalType;

/**
 * The learning loop: when a reviewer confirms a case as terrorist content, the signals of its
 * referrals (SHA-256, MD5, and PDQ when there is one) go to classify-service's CONFIRMED bank with
 * the assessment's labels, so that re-uploads of the same content match at intake. Enqueued in the
 * assessment's transaction, delivered by {@link ConfirmedSignalHandler}.
 */
@ApplicationScoped
public class LearningLoop {

    public static final String TOPIC = "signals.confirmed";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public LearningLoop(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Enqueues every distinct signal of the case's referrals, all in one message; answers the signals enqueued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ConfirmedSignal> confirm(CaseFile file, List<Referral> referrals) {
        Set<String> seen = new LinkedHashSet<>();
        List<ConfirmedSignal> signals = new ArrayList<>();
        List<Category> categories = List.copyOf(EnumSet.copyOf(file.assessmentCategories));
        ConfirmedSignal.Labels labels = new ConfirmedSignal.Labels(categories, file.assessmentEntity,
                file.assessmentTier);
        String source = "case:" + file.id;
        for (Referral referral : referrals) {
            JsonNode stored = read(referral);
            add(signals, seen, SignalType.SHA256, text(stored, "sha256"), labels, source);
            add(signals, seen, SignalType.MD5, text(stored, "md5"), labels, source);
            add(signals, seen, SignalType.PDQ, text(stored, "pdq"), labels, source);
        }
        if (!signals.isEmpty()) {
            outbox.enqueue(TOPIC, file.id.toString(), new ConfirmedSignals(source, signals));
        }
        return signals;
    }

    private static void add(List<ConfirmedSignal> signals, Set<String> seen, SignalType type, String value,
            ConfirmedSignal.Labels labels, String source) {
        if (value != null && seen.add(type + ":" + value)) {
            signals.add(new ConfirmedSignal(type, value, labels, source));
        }
    }

    private JsonNode read(Referral referral) {
        if (referral.signals == null) {
            return null;
        }
        try {
            return mapper.readTree(referral.signals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored signals of referral " + referral.id + " are not JSON", e);
        }
    }

    private static String text(JsonNode signals, String field) {
        if (signals == null) {
            return null;
        }
        JsonNode value = signals.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null
                : value.asText().strip().toLowerCase(java.util.Locale.ROOT);
    }
}
