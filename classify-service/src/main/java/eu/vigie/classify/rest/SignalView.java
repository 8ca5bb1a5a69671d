package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.BankSignal;
import eu.vigie.common.vocabulary.SignalType;

@Schema(name = "Signal")
public record SignalView(UUID id, String bank, SignalType signalType, String value, SignalLabels labels, String source,
        boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {

    public static SignalView of(BankSignal s) {
        return new SignalView(s.id, s.bankName, s.signalType, s.value,
                new SignalLabels(s.categoryList(), s.entity, s.tier), s.source, s.enabled, s.createdAt, s.createdBy,
                s.updatedAt, s.updatedBy, s.version);
    }
}
