package eu.vigie.common.vocabulary;

/** What a referral reports. */
public enum ContentType {
    URL,
    TEXT,
    IMAGE,
    VIDEO,
    DOCUMENT
}
