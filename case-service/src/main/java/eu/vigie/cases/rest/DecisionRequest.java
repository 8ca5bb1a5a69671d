package eu.vigie.cases.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.vigie.cases.EnforcementOutcome;
import eu.vigie.cases.PenaltyLegalBasis;

/**
 * The decision: NO_ACTION, WARNING, or PENALTY with an amount greater than 0 and an ISO 4217
 * currency; a legal basis and reasons in every case.
 */
public record DecisionRequest(@NotNull EnforcementOutcome outcome, BigDecimal amount, String currency,
        @NotNull PenaltyLegalBasis legalBasis, @NotBlank @Size(max = 20000) String reasons) {
}
