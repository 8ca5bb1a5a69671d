package eu.vigie.common.vocabulary;

/** What a provider did, reported on the Annex II feedback form. */
public enum AnnexIIAction {
    REMOVED,
    DISABLED
}
