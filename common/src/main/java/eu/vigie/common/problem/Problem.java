package eu.vigie.common.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the body of every error answer in Vigie.
 *
 * @param type       a URI naming the kind of problem ({@code urn:vigie:problem:<slug>})
 * @param title      a short summary of the kind of problem, the same for every occurrence
 * @param status     the HTTP status code
 * @param detail     what went wrong this time, for a person to read
 * @param instance   the request path the problem arose on
 * @param errorId    for server errors only: the id under which the details were logged
 * @param violations for invalid input: each field that was wrong and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(URI type, String title, int status, String detail, String instance, String errorId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request. */
    @Schema(name = "Violation")
    public record Violation(String field, String message) {
    }

    public static URI typeOf(String slug) {
        return URI.create("urn:vigie:problem:" + slug);
    }
}
