package eu.vigie.classify.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.pdq.DihedralTransform;
import eu.vigie.common.vocabulary.SignalType;

/**
 * A bank signal that matched: exact for MD5 and SHA256 (distance 0), within a Hamming distance for PDQ. In a verdict,
 * a PDQ match names the {@code transform} of the referred image whose hash matched nearest ({@code ORIGINAL}: the
 * image as sent; {@code ROTATE_90}: the image turned 90 degrees, so the referred image is a rotated copy of the banked
 * content; ...); absent elsewhere.
 */
@Schema(name = "SignalMatch")
public record SignalMatch(String bank, UUID signalId, SignalType signalType, String value, int distance,
        SignalLabels labels, @JsonInclude(JsonInclude.Include.NON_NULL) DihedralTransform transform) {

    public SignalMatch(String bank, UUID signalId, SignalType signalType, String value, int distance,
            SignalLabels labels) {
        this(bank, signalId, signalType, value, distance, labels, null);
    }

    /** This match, found through the image's {@code transform} variant. */
    public SignalMatch withTransform(DihedralTransform transform) {
        return new SignalMatch(bank, signalId, signalType, value, distance, labels, transform);
    }

    public static SignalMatch of(BankSignal s, int distance) {
        return new SignalMatch(s.bankName, s.id, s.signalType, s.value, distance,
                new SignalLabels(s.categoryList(), s.entity, s.tier));
    }
}
