package eu.vigie.common.problem;

import java.util.List;

/**
 * Thrown by Vigie code to answer a request with a problem document. The message is the
 * {@code detail} shown to the caller, so it must never carry internal details.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "The request is not valid", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "invalid-request", "The request is not valid",
                "Field '" + field + "' " + message, List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail);
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(422, slug, title, detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "The request is too large", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
