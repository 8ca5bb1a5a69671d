package eu.vigie.ingest.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import eu.vigie.common.client.OutsideTransaction;

/** case-service's intake behind a timeout and a circuit breaker. */
@ApplicationScoped
@OutsideTransaction
public class CaseIntake {

    private final CaseClient cases;

    public CaseIntake(@RestClient CaseClient cases) {
        this.cases = cases;
    }

    /**
     * Hands a referral to case-service and answers the case it belongs to.
     *
     * @throws NeighbourRejectedException if case-service refuses the request for good
     * @throws RuntimeException           for anything worth trying again
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = NeighbourRejectedException.class)
    public CaseIntakeAnswer intake(CaseIntakeRequest request) {
        try {
            CaseIntakeAnswer answer = cases.intake(request);
            if (answer == null || answer.caseId() == null) {
                throw new IllegalStateException("case-service answered without a caseId");
            }
            return answer;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (NeighbourRejectedException.isPermanent(status)) {
                throw new NeighbourRejectedException("case-service refused referral " + request.referralId()
                        + " with status " + status, e);
            }
            throw new IllegalStateException("case-service answered " + status, e);
        }
    }
}
