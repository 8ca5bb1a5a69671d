package eu.vigie.cases.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.client.OutsideTransaction;

/**
 * classify-service, as case-service needs it: adds confirmed content's signals to the
 * {@code CONFIRMED} bank, so that re-uploads match at intake, and flags matched signals of content
 * assessed as not terrorist content for a curator. Bounded in time, with a circuit
 * breaker. A refusal that retrying cannot fix (a 4xx other than 408 and 429) is a
 * {@link SignalRefusedException}; anything else means "try again later".
 */
@ApplicationScoped
@OutsideTransaction
public class ClassifyClient {

    public static final String CONFIRMED_BANK = "CONFIRMED";

    private final ClassifyApi api;
    private final ObjectMapper mapper;

    public ClassifyClient(@RestClient ClassifyApi api, ObjectMapper mapper) {
        this.api = api;
        this.mapper = mapper;
    }

    /**
     * Adds a confirmed case's signals to the CONFIRMED bank in one call (each idempotent there); answers how many
     * were new. A line classify-service refuses is a {@link SignalRefusedException} naming it (the others are added).
     */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1,
            skipOn = SignalRefusedException.class)
    public long addConfirmed(ConfirmedSignals signals) {
        StringBuilder ndjson = new StringBuilder();
        for (ConfirmedSignal signal : signals.signals()) {
            try {
                ndjson.append(mapper.writeValueAsString(signal)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A confirmed signal of " + signals.source() + " cannot be written", e);
            }
        }
        int status;
        String body;
        try (Response response = api.addSignals(CONFIRMED_BANK, ndjson.toString())) {
            status = response.getStatus();
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
            body = "";
        }
        if (NeighbourStatus.refusedForGood(status)) {
            throw new SignalRefusedException("classify-service refused the " + signals.signals().size()
                    + " signals of " + signals.source() + " with status " + status);
        }
        if (status != 200) {
            throw new ClassifyUnavailableException("classify-service answered " + status + " for the signals of "
                    + signals.source());
        }
        JsonNode result;
        try {
            result = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ClassifyUnavailableException("classify-service answered the signals of " + signals.source()
                    + " with a body that is not JSON");
        }
        if (result == null || !result.path("created").isIntegralNumber()) {
            throw new ClassifyUnavailableException("classify-service answered the signals of " + signals.source()
                    + " without a batch result");
        }
        if (result.path("rejected").asLong() > 0) {
            throw new SignalRefusedException("classify-service refused " + result.path("rejected").asLong() + " of the "
                    + signals.signals().size() + " signals of " + signals.source() + " (the others were added): "
                    + result.path("errors"));
        }
        return result.path("created").asLong();
    }

    /**
     * Adds one signal to the CONFIRMED bank; answers whether it was new (201) rather than already there (200). For
     * outbox messages of one signal each, written before a case's signals went together.
     */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1,
            skipOn = SignalRefusedException.class)
    public boolean addConfirmed(ConfirmedSignal signal) {
        int status;
        try (Response response = api.addSignal(CONFIRMED_BANK, signal)) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        if (status == 200 || status == 201) {
            return status == 201;
        }
        if (NeighbourStatus.refusedForGood(status)) {
            throw new SignalRefusedException("classify-service refused " + signal.signalType() + " signal of "
                    + signal.source() + " with status " + status);
        }
        throw new ClassifyUnavailableException("classify-service answered " + status + " for " + signal.signalType()
                + " signal of " + signal.source());
    }

    /** Flags a bank signal for a curator (idempotent there by flagId). */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1,
            skipOn = SignalRefusedException.class)
    public void flag(String bank, String signalId, CurationFlag flag) {
        int status;
        try (Response response = api.flag(bank, signalId, flag)) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (NeighbourStatus.refusedForGood(status)) {
            throw new SignalRefusedException("classify-service refused curation flag " + flag.flagId() + " on " + bank
                    + "/" + signalId + " with status " + status);
        }
        throw new ClassifyUnavailableException("classify-service answered " + status + " to curation flag "
                + flag.flagId());
    }

    /** classify-service refused the signal (or a flag on it) for good. */
    public static class SignalRefusedException extends RuntimeException {
        public SignalRefusedException(String message) {
            super(message);
        }
    }

    /** classify-service could not take the signal now. */
    public static class ClassifyUnavailableException extends RuntimeException {
        public ClassifyUnavailableException(String message) {
            super(message);
        }
    }
}
