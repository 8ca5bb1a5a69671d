package eu.vigie.cases.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import eu.vigie.common.client.OutsideTransaction;

/**
 * notify-service, as case-service needs it: bounded in time, with a circuit breaker so that a
 * neighbour that is down is not hammered. A refusal that retrying cannot fix (a 4xx other than 408
 * and 429) is a {@link NotificationRefusedException}; anything else means "try again later".
 */
@ApplicationScoped
@OutsideTransaction
public class NotifyClient {

    private final NotifyApi api;

    public NotifyClient(@RestClient NotifyApi api) {
        this.api = api;
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1,
            skipOn = NotificationRefusedException.class)
    public void send(Notification notification) {
        try {
            api.notify(notification);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (NeighbourStatus.refusedForGood(status)) {
                throw new NotificationRefusedException("notify-service refused notification " + notification.id()
                        + " with status " + status);
            }
            throw new NotifyUnavailableException("notify-service answered " + status + " for notification "
                    + notification.id());
        }
    }

    /** The platform as notify-service's registry knows it; empty when it is not registered. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, successThreshold = 1)
    public Optional<PlatformInfo> platform(String platformId) {
        try {
            return Optional.of(api.platform(platformId));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            throw new NotifyUnavailableException("notify-service answered " + status + " for platform " + platformId);
        } catch (ProcessingException e) {
            throw new NotifyUnavailableException("notify-service is unreachable: " + e.getMessage());
        }
    }

    /** notify-service refused the notification for good. */
    public static class NotificationRefusedException extends RuntimeException {
        public NotificationRefusedException(String message) {
            super(message);
        }
    }

    /** notify-service could not take the notification now. */
    public static class NotifyUnavailableException extends RuntimeException {
        public NotifyUnavailableException(String message) {
            super(message);
        }
    }
}
