package eu.vigie.cases.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.client.OutsideTransaction;
import eu.vigie.common.problem.Problem;
import eu.vigie.common.problem.ProblemException;

/**
 * ingest-service's public API on behalf of the signed-in officer (reporting, reading a referral,
 * reading preserved content). ingest-service's own refusals (its problem documents: validation,
 * roles, jurisdiction, unknown platform) come back as {@link ProblemException}s with the same status
 * and detail, so the console shows them as they are; an unreachable or failing ingest-service is a
 * 503 problem. Bounded in time, with a circuit breaker that only the latter opens.
 */
@ApplicationScoped
@OutsideTransaction
public class IngestReporting {

    /** Preserved content read for display: at most this many bytes. */
    public static final int MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

    private final IngestPublicApi api;
    private final ObjectMapper mapper;

    public IngestReporting(@RestClient IngestPublicApi api, ObjectMapper mapper) {
        this.api = api;
        this.mapper = mapper;
    }

    /** Preserved bytes with the media type they were submitted with. */
    public record Evidence(String sha256, String mediaType, byte[] bytes) {
    }

    /** Submits a referral as the officer; answers ingest-service's referral (201 or a replay). */
    @Timeout(15000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            failOn = { Unavailable.class, TimeoutException.class })
    public JsonNode submit(String idempotencyKey, JsonNode referral) {
        return json(call(() -> api.submit(idempotencyKey, referral), "the referral"));
    }

    /** A referral the officer may read. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            failOn = { Unavailable.class, TimeoutException.class })
    public JsonNode referral(String id) {
        return json(call(() -> api.referral(id), "referral " + id));
    }

    /** Preserved content the officer may read (ingest-service records the read in the chain of custody). */
    @Timeout(15000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            failOn = { Unavailable.class, TimeoutException.class })
    public Evidence evidence(String sha256) {
        Answer answer = call(() -> api.evidence(sha256), "the preserved content " + sha256);
        return new Evidence(sha256, answer.mediaType() == null ? "application/octet-stream" : answer.mediaType(),
                answer.body());
    }

    private record Answer(int status, String mediaType, byte[] body) {
    }

    private JsonNode json(Answer answer) {
        try {
            return mapper.readTree(answer.body());
        } catch (IOException e) {
            throw unavailable("ingest-service answered something that is not JSON");
        }
    }

    private Answer call(Supplier<Response> request, String what) {
        Answer answer;
        try (Response response = request.get()) {
            answer = read(response);
        } catch (WebApplicationException e) {
            answer = read(e.getResponse());
        } catch (ProcessingException | TimeoutException | CircuitBreakerOpenException e) {
            throw unavailable("ingest-service could not be reached for " + what + "; try again in a moment");
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer;
        }
        if (NeighbourStatus.refusedForGood(answer.status())) {
            throw refusal(answer);
        }
        throw unavailable("ingest-service could not take " + what + " now (status " + answer.status()
                + "); try again in a moment");
    }

    private static Answer read(Response response) {
        byte[] body;
        try {
            if (!response.hasEntity()) {
                body = new byte[0];
            } else {
                try (InputStream in = response.readEntity(InputStream.class)) {
                    body = in.readNBytes(MAX_EVIDENCE_BYTES + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            body = new byte[0];
        }
        if (body.length > MAX_EVIDENCE_BYTES) {
            throw ProblemException.tooLarge("The preserved content is larger than the console shows ("
                    + MAX_EVIDENCE_BYTES + " bytes)");
        }
        return new Answer(response.getStatus(), response.getHeaderString("Content-Type"), body);
    }

    /** ingest-service's refusal, with its own status, title, detail and field violations. */
    private ProblemException refusal(Answer answer) {
        String title = "ingest-service refused the request";
        String detail = "ingest-service answered " + answer.status();
        String slug = "ingest-refused";
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            JsonNode problem = mapper.readTree(answer.body());
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asText(title);
                detail = problem.path("detail").asText(detail);
                for (JsonNode v : problem.path("violations")) {
                    violations.add(new Problem.Violation(v.path("field").asText(""), v.path("message").asText("")));
                }
            }
        } catch (IOException e) {
            // not a problem document: the status alone is told
        }
        return new ProblemException(answer.status(), slug, title, detail, violations.isEmpty() ? null : violations);
    }

    private static Unavailable unavailable(String detail) {
        return new Unavailable(detail);
    }

    /**
     * ingest-service cannot be reached or failed: 503, try again later. Only this (and a timeout) counts
     * against the circuit breaker; a refusal by ingest-service is an answer, not a failure.
     * {@link #unavailable(Throwable)} turns the fault-tolerance exceptions into it for callers.
     */
    public static class Unavailable extends ProblemException {
        public Unavailable(String detail) {
            super(503, "ingest-unavailable", "ingest-service is unavailable", detail);
        }
    }

    /** The problem to show for a timeout or an open circuit around ingest-service. */
    public static Unavailable unavailable(Throwable fault) {
        return new Unavailable(fault instanceof CircuitBreakerOpenException
                ? "ingest-service failed several times in a row; the console waits a few seconds before asking again"
                : "ingest-service did not answer in time; try again in a moment");
    }
}
