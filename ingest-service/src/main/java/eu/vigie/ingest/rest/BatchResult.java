package eu.vigie.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.problem.Problem;

/**
 * The result of one line of a batch: {@code line} (1-based), {@code status} (201 accepted, or the
 * status the single submission would have answered), and either the {@code referral} or the
 * {@code problem}. {@code replayed} is true when an earlier batch with the same Idempotency-Key
 * had accepted this line already.
 */
@Schema(name = "BatchResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(int line, int status, Boolean replayed,
        @Schema(implementation = ReferralView.class) @JsonRawValue String referral, Problem problem) {
}
