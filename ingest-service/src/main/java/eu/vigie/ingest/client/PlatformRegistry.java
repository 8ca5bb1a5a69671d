package eu.vigie.ingest.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import eu.vigie.common.client.OutsideTransaction;

/**
 * notify-service's platform registry, behind a timeout and a circuit breaker: a slow or absent
 * registry fails fast (any exception) and never holds a referral up for long.
 */
@ApplicationScoped
@OutsideTransaction
public class PlatformRegistry {

    private final NotifyClient notify;

    public PlatformRegistry(@RestClient NotifyClient notify) {
        this.notify = notify;
    }

    /** The platform serving this host (or a parent domain), if the registry knows one. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<PlatformRef> servingHost(String hostname) {
        List<PlatformRef> found = notify.byHostname(hostname);
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The registered platform with this id, or empty when the registry answers that none is. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<PlatformRef> byId(String id) {
        try {
            return Optional.ofNullable(notify.byId(id));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
