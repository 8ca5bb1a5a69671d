package eu.vigie.ingest.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.common.client.OutsideTransaction;

/** classify-service behind a timeout and a circuit breaker. */
@ApplicationScoped
@OutsideTransaction
public class Classifier {

    private final ClassifyClient classify;

    public Classifier(@RestClient ClassifyClient classify) {
        this.classify = classify;
    }

    /**
     * The verdict on a referral, exactly as classify-service gave it.
     *
     * @throws NeighbourRejectedException if classify-service refuses the request for good
     * @throws RuntimeException           for anything worth trying again (unreachable, 5xx, timeout, open circuit)
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = NeighbourRejectedException.class)
    public JsonNode classify(ClassificationRequest request) {
        try {
            JsonNode verdict = classify.classify(request);
            if (verdict == null || !verdict.isObject()) {
                throw new IllegalStateException("classify-service answered without a verdict");
            }
            return verdict;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (NeighbourRejectedException.isPermanent(status)) {
                throw new NeighbourRejectedException("classify-service refused referral " + request.referralId()
                        + " with status " + status, e);
            }
            throw new IllegalStateException("classify-service answered " + status, e);
        }
    }
}
