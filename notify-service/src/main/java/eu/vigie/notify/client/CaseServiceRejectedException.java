package eu.vigie.notify.client;

/** case-service refused a call for a reason that retrying cannot fix (400, 404, 410, 422). */
public class CaseServiceRejectedException extends RuntimeException {

    public CaseServiceRejectedException(String message) {
        super(message);
    }
}
