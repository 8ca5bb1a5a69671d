package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.repository.BankSignalRepository;
import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.common.vocabulary.SignalType;

/** Exact equality of cryptographic hashes, answered by the database's (signal_type, value) index. */
abstract class ExactSignalIndex implements SignalIndex {

    private final BankSignalRepository signals;

    ExactSignalIndex(BankSignalRepository signals) {
        this.signals = signals;
    }

    @Override
    public List<List<SignalMatch>> lookup(List<String> values, int maxDistance) {
        Map<String, List<BankSignal>> found = signals.findActive(signalType(), new LinkedHashSet<>(values)).stream()
                .collect(Collectors.groupingBy(s -> s.value));
        List<List<SignalMatch>> results = new ArrayList<>(values.size());
        for (String value : values) {
            results.add(found.getOrDefault(value, List.of()).stream().map(s -> SignalMatch.of(s, 0)).toList());
        }
        return results;
    }

    @jakarta.inject.Singleton
    static class Md5 extends ExactSignalIndex {
        Md5(BankSignalRepository signals) {
            super(signals);
        }

        @Override
        public SignalType signalType() {
            return SignalType.MD5;
        }
    }

    @jakarta.inject.Singleton
    static class Sha256 extends ExactSignalIndex {
        Sha256(BankSignalRepository signals) {
            super(signals);
        }

        @Override
        public SignalType signalType() {
            return SignalType.SHA256;
        }
    }
}
