package eu.vigie.common.vocabulary;

/** The categories of terrorist content of Art. 2(7) of Regulation (EU) 2021/784, points (a) to (e). */
public enum Category {
    /** (a) incites the commission of terrorist offences, including by glorifying them. */
    INCITEMENT,
    /** (b) solicits a person or group to commit or contribute to a terrorist offence. */
    SOLICITATION,
    /** (c) solicits participation in the activities of a terrorist group. */
    GROUP_PARTICIPATION,
    /** (d) instructs on making or using explosives, firearms, other weapons or hazardous substances. */
    INSTRUCTION,
    /** (e) threatens to commit a terrorist offence. */
    THREAT
}
