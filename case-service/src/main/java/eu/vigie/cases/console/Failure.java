package eu.vigie.cases.console;

import java.util.List;

import eu.vigie.common.problem.Problem;
import eu.vigie.common.problem.ProblemException;

/** A refusal from the service layer (or ingest-service), as a page shows it: readable, never a stack trace. */
public record Failure(int status, String title, String detail, List<Problem.Violation> violations) {

    public static Failure of(ProblemException e) {
        return new Failure(e.status(), e.title(), e.getMessage(), e.violations() == null ? List.of() : e.violations());
    }

    public static Failure invalid(List<Problem.Violation> violations) {
        return new Failure(400, "The request is not valid", null, violations);
    }

    /** Whether this is the four-eyes rule refusing an issuer who assessed the case. */
    public boolean fourEyes() {
        return status == 403 && detail != null && detail.startsWith("Four-eyes rule");
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }
}
