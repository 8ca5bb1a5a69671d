package eu.vigie.classify.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.BankSignal;
import eu.vigie.common.vocabulary.SignalType;

/** A bank signal that matched: exact for MD5 and SHA256 (distance 0), within a Hamming distance for PDQ. */
@Schema(name = "SignalMatch")
public record SignalMatch(String bank, UUID signalId, SignalType signalType, String value, int distance,
        SignalLabels labels) {

    public static SignalMatch of(BankSignal s, int distance) {
        return new SignalMatch(s.bankName, s.id, s.signalType, s.value, distance,
                new SignalLabels(s.categoryList(), s.entity, s.tier));
    }
}
