package eu.vigie.classify.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a batch of signals did: lines read (blank lines aside), signals created, signals that were
 * already in the bank, lines refused, and why (the first 100 refused lines, by line number).
 */
@Schema(name = "SignalBatchResult")
public record SignalBatchResult(String bank, long received, long created, long existing, long rejected,
        List<LineError> errors) {

    @Schema(name = "SignalBatchLineError")
    public record LineError(long line, String message) {
    }
}
