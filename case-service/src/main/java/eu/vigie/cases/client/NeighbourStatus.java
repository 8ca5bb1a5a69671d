package eu.vigie.cases.client;

/** How case-service reads a neighbour's HTTP status when deciding between giving up and trying again. */
final class NeighbourStatus {

    private NeighbourStatus() {
    }

    /**
     * A refusal that retrying the same request cannot change: a 4xx other than 408 (the neighbour timed out) and 429
     * (it is too busy now). Anything else that is not a success means "try again later".
     */
    static boolean refusedForGood(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
