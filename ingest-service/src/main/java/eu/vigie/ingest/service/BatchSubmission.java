package eu.vigie.ingest.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import eu.vigie.common.problem.Problem;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.ingest.config.IngestConfig;
import eu.vigie.ingest.rest.BatchResult;
import eu.vigie.ingest.rest.ReferralRequest;

/**
 * Many referrals in one request, one JSON object a line (NDJSON). Each line is submitted on its own,
 * exactly as a single submission would be, and answered with one result line: a bad line does not
 * stop the others. With an Idempotency-Key, line {@code n} is submitted under the key
 * {@code <key>#<n>}, so a batch sent again answers its original results and creates nothing.
 */
@ApplicationScoped
public class BatchSubmission {

    private static final Logger LOG = Logger.getLogger(BatchSubmission.class);

    private final ReferralService referrals;
    private final Validator validator;
    private final ObjectReader reader;
    private final IngestConfig config;

    public BatchSubmission(ReferralService referrals, Validator validator, ObjectMapper mapper, IngestConfig config) {
        this.referrals = referrals;
        this.validator = validator;
        this.reader = mapper.readerFor(ReferralRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.config = config;
    }

    /** 403 unless the actor may submit referrals. */
    public void checkMaySubmit(Actor actor) {
        referrals.checkMaySubmit(actor);
    }

    /**
     * Submits every line as it is read, handing each result to {@code results} in order before the
     * next line is read: memory holds one line, whatever the size of the batch.
     */
    public void submit(InputStream body, String idempotencyKey, Actor actor, String instance, Consumer<BatchResult> results)
            throws IOException {
        referrals.checkMaySubmit(actor);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            int submitted = 0;
            while ((text = lines.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                if (submitted == config.batchMaxLines()) {
                    results.accept(new BatchResult(number, 413, null, null, problem(ProblemException.tooLarge(
                            "A batch holds at most " + config.batchMaxLines() + " referrals; this line and the "
                                    + "ones after it were not submitted"), instance)));
                    return;
                }
                submitted++;
                results.accept(line(number, text, idempotencyKey, actor, instance));
            }
        }
    }

    private BatchResult line(int number, String text, String idempotencyKey, Actor actor, String instance) {
        try {
            ReferralRequest request;
            try {
                request = reader.readValue(text);
            } catch (JsonProcessingException e) {
                throw unreadable(e);
            }
            if (request == null) {
                throw ProblemException.badRequest("The line is not a referral object");
            }
            Set<ConstraintViolation<ReferralRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                List<Problem.Violation> list = violations.stream()
                        .map(v -> new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()))
                        .sorted(Comparator.comparing(Problem.Violation::field)).toList();
                throw new ProblemException(400, "invalid-request", "The request is not valid",
                        list.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), list);
            }
            String key = idempotencyKey == null ? null : idempotencyKey + "#" + number;
            ReferralService.Submission result = referrals.submit(request, key, actor);
            return new BatchResult(number, result.status(), result.replayed() ? Boolean.TRUE : null, result.body(), null);
        } catch (ProblemException e) {
            return new BatchResult(number, e.status(), null, null, problem(e, instance));
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Unexpected error %s on line %d of a batch", errorId, number);
            return new BatchResult(number, 500, null, null, new Problem(Problem.typeOf("internal-error"),
                    "Internal error", 500, "This line could not be completed; quote the error id to the operators",
                    instance, errorId, null));
        }
    }

    private static ProblemException unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ProblemException.invalidField(field, "is not of the documented type or value");
        }
        return new ProblemException(400, "malformed-json", "The request body is not valid JSON",
                "The line could not be read as a referral object");
    }

    private static Problem problem(ProblemException e, String instance) {
        return new Problem(Problem.typeOf(e.slug()), e.title(), e.status(), e.getMessage(), instance, null,
                e.violations());
    }
}
