package eu.vigie.classify.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.vigie.classify.pdq.DihedralTransform;
import eu.vigie.common.vocabulary.SignalType;

/**
 * A bank signal matching a hashed image. For PDQ, {@code transform} names the dihedral variant of the image that
 * matched nearest ({@code ORIGINAL}: the image as sent; {@code ROTATE_90}: the signal is of the image turned 90
 * degrees, ...); MD5 and SHA256 matches are of the exact bytes and carry no transform.
 */
@Schema(name = "HashMatch")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HashMatch(DihedralTransform transform, String bank, UUID signalId, SignalType signalType, String value,
        int distance, SignalLabels labels) {

    public static HashMatch of(DihedralTransform transform, SignalMatch m) {
        return new HashMatch(transform, m.bank(), m.signalId(), m.signalType(), m.value(), m.distance(), m.labels());
    }
}
