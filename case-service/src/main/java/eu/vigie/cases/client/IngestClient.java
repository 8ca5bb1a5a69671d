package eu.vigie.cases.client;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import eu.vigie.common.client.OutsideTransaction;

/**
 * ingest-service, as case-service needs it: a closed case starts its evidence's preservation period,
 * and a case's shares reach its evidence. Bounded in time, with a circuit breaker. A refusal that
 * retrying cannot fix (a 4xx other than 408 and 429) is an {@link EvidenceRefusedException};
 * anything else means "try again later" ({@link IngestUnavailableException}).
 */
@ApplicationScoped
@OutsideTransaction
public class IngestClient {

    private final IngestApi api;

    public IngestClient(@RestClient IngestApi api) {
        this.api = api;
    }

    /** Tells ingest that the case of the evidence {@code sha256} closed (idempotent there). */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1,
            skipOn = EvidenceRefusedException.class)
    public void caseClosed(String sha256, CaseClosedNotice notice) {
        call(() -> api.caseClosed(sha256, notice), false, "case-closed of case " + notice.caseId() + " for evidence " + sha256);
    }

    /** Lets {@code jurisdiction} read the evidence {@code sha256} while the case's share is active (idempotent there). */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1,
            skipOn = EvidenceRefusedException.class)
    public void share(String sha256, String jurisdiction, EvidenceShare share) {
        call(() -> api.share(sha256, jurisdiction, share), false, "share " + share.shareId() + " of evidence " + sha256
                + " with " + jurisdiction);
    }

    /** Ends {@code jurisdiction}'s access to the evidence {@code sha256} (idempotent there: a 404 means already gone). */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1,
            skipOn = EvidenceRefusedException.class)
    public void unshare(String sha256, String jurisdiction) {
        call(() -> api.unshare(sha256, jurisdiction), true, "revocation of the share of evidence " + sha256 + " with "
                + jurisdiction);
    }

    private static void call(Supplier<Response> request, boolean goneIsDone, String what) {
        int status;
        try (Response response = request.get()) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        if (status >= 200 && status < 300 || goneIsDone && (status == 404 || status == 410)) {
            return;
        }
        if (NeighbourStatus.refusedForGood(status)) {
            throw new EvidenceRefusedException("ingest-service refused the " + what + " with status " + status, status);
        }
        throw new IngestUnavailableException("ingest-service answered " + status + " to the " + what);
    }

    /** ingest-service refused for good. */
    public static class EvidenceRefusedException extends RuntimeException {
        private final int status;

        public EvidenceRefusedException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** ingest-service could not take it now. */
    public static class IngestUnavailableException extends RuntimeException {
        public IngestUnavailableException(String message) {
            super(message);
        }
    }
}
