package eu.vigie.cases;

/**
 * The legal basis of an enforcement decision. The caps are documented, not enforced (the regulator
 * knows the provider's revenue; the service checks only that a penalty is positive):
 */
public enum PenaltyLegalBasis {
    /** Online Safety Act 2023 (UK, Ofcom): up to GBP 18 million or 10 % of qualifying worldwide revenue, whichever is greater. */
    ONLINE_SAFETY_ACT_2023,
    /** Regulation (EU) 2021/784 Art. 18: systematic or persistent failure, up to 4 % of global turnover of the preceding business year. */
    TCO_ART_18
}
