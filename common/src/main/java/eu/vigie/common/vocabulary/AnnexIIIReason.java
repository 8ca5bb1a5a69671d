package eu.vigie.common.vocabulary;

/** Why a provider cannot execute an order, reported on the Annex III form. */
public enum AnnexIIIReason {
    FORCE_MAJEURE,
    DE_FACTO_IMPOSSIBILITY,
    MANIFEST_ERROR,
    INSUFFICIENT_INFORMATION
}
