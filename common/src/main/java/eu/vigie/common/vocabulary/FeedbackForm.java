package eu.vigie.common.vocabulary;

/** The two feedback forms of Regulation (EU) 2021/784 a provider answers an order with. */
public enum FeedbackForm {
    /** Annex II: the content was removed or disabled. */
    ANNEX_II,
    /** Annex III: the order cannot be executed, or not yet. */
    ANNEX_III
}
