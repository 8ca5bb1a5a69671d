package eu.vigie.ingest.client;

/**
 * A neighbour refused a request in a way that sending it again cannot change (400, 413, 415, 422):
 * the message is wrong, not the moment.
 */
public class NeighbourRejectedException extends RuntimeException {

    public NeighbourRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    static boolean isPermanent(int status) {
        return status == 400 || status == 413 || status == 415 || status == 422;
    }
}
