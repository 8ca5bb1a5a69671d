package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.SignalType;

/** Matches values against the banks through the signal index of their type. */
@ApplicationScoped
public class MatchService {

    /** Hamming distance used when a PDQ match request names none (DESIGN.md). */
    public static final int DEFAULT_MAX_DISTANCE = 31;

    private final Map<SignalType, SignalIndex> indexes = new EnumMap<>(SignalType.class);

    public MatchService(Instance<SignalIndex> indexes) {
        for (SignalIndex index : indexes) {
            if (this.indexes.put(index.signalType(), index) != null) {
                throw new IllegalStateException("Two signal indexes for " + index.signalType());
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SignalMatch> match(SignalType type, String value, Integer maxDistance) {
        String normalised = SignalValues.normalise(type, value, "value");
        return index(type).lookup(List.of(normalised), distance(maxDistance)).get(0);
    }

    /** One list of matches per value, in order; the values are validated first, so a bad one changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<List<SignalMatch>> matchAll(SignalType type, List<String> values, Integer maxDistance) {
        List<String> normalised = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            normalised.add(SignalValues.normalise(type, values.get(i), "values[" + i + "]"));
        }
        return index(type).lookup(normalised, distance(maxDistance));
    }

    private SignalIndex index(SignalType type) {
        SignalIndex index = indexes.get(type);
        if (index == null) {
            throw ProblemException.unprocessable("signal-type-unavailable", "Signal type not available",
                    "Matching of " + type + " signals is not available in this deployment");
        }
        return index;
    }

    private static int distance(Integer maxDistance) {
        return maxDistance == null ? DEFAULT_MAX_DISTANCE : maxDistance;
    }
}
