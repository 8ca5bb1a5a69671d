package eu.vigie.ingest.service;

/** A submitted URL that cannot be a referral's URL; the message says why, for the caller to read. */
public class InvalidUrlException extends IllegalArgumentException {

    public InvalidUrlException(String reason) {
        super(reason);
    }
}
