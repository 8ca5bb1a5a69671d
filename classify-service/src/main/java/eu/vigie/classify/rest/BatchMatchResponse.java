package eu.vigie.classify.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BatchMatchResponse")
public record BatchMatchResponse(List<Result> results) {

    /** The matches of one value (lower-cased), in the order the values were sent. */
    @Schema(name = "BatchMatchResult")
    public record Result(String value, List<SignalMatch> matches) {
    }
}
