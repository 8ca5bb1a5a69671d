package eu.vigie.notify.client;

/** case-service could not take a call now (down, overloaded, 5xx, 409): the caller retries later. */
public class CaseServiceUnavailableException extends RuntimeException {

    public CaseServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
