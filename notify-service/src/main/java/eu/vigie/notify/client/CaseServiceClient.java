package eu.vigie.notify.client;

import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import eu.vigie.common.client.OutsideTransaction;

/**
 * case-service as notify-service sees it: removal orders' delivery events, feedback and scrutiny requests. Owns the
 * timeout and the circuit breaker, and sorts case-service's refusals into those that retrying can
 * fix ({@link CaseServiceUnavailableException}) and those it cannot ({@link CaseServiceRejectedException}).
 */
@ApplicationScoped
@OutsideTransaction
public class CaseServiceClient {

    /** Answers that will be the same however often the same request is sent again. */
    private static final Set<Integer> PERMANENT = Set.of(400, 404, 410, 422);

    private final CaseServiceApi api;

    public CaseServiceClient(@RestClient CaseServiceApi api) {
        this.api = api;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = CaseServiceRejectedException.class)
    public void deliveryEvent(UUID removalOrderId, DeliveryEventRequest event) {
        call("delivery event " + event.eventId() + " of removal order " + removalOrderId,
                () -> api.deliveryEvent(removalOrderId, event));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = CaseServiceRejectedException.class)
    public void feedback(UUID removalOrderId, FeedbackForwardRequest feedback) {
        call("feedback " + feedback.feedbackId() + " on removal order " + removalOrderId,
                () -> api.feedback(removalOrderId, feedback));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = CaseServiceRejectedException.class)
    public void scrutinyRequest(UUID removalOrderId, ScrutinyForwardRequest request) {
        call("scrutiny request " + request.requestId() + " on removal order " + removalOrderId,
                () -> api.scrutinyRequest(removalOrderId, request));
    }

    private static void call(String what, Runnable request) {
        try {
            request.run();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (PERMANENT.contains(status)) {
                throw new CaseServiceRejectedException("case-service refused " + what + " with HTTP " + status);
            }
            throw new CaseServiceUnavailableException("case-service answered " + what + " with HTTP " + status, e);
        } catch (ProcessingException e) {
            throw new CaseServiceUnavailableException("case-service could not be reached for " + what + ": "
                    + e.getMessage(), e);
        }
    }
}
