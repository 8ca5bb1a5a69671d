package eu.vigie.cases.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * classify-service, as case-service needs it: adds confirmed content's signals to the
 * {@code CONFIRMED} bank, so that re-uploads match at intake, and flags matched signals of content
 * assessed as not terrorist content for a curator. Bounded in time, with a circuit
 * breaker. A refusal that retrying cannot fix (a 4xx other than 408 and 429) is a
 * {@link SignalRefusedException}; anything else means "try again later".
 */
@ApplicationScoped
public class ClassifyClient {

    public static final String CONFIRMED_BANK = "CONFIRMED";

    private final ClassifyApi api;

    public ClassifyClient(@RestClient ClassifyApi api) {
        this.api = api;
    }

    /** Adds the signal to the CONFIRMED bank; answers whether it was new (201) rather than already there (200). */
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
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
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
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
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
