package eu.vigie.common.vocabulary;

/** The kinds of hash signal exchanged with banks and platforms. */
public enum SignalType {
    PDQ,
    MD5,
    SHA256
}
