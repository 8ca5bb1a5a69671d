package eu.vigie.classify.service;

import java.util.List;

import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.common.vocabulary.SignalType;

/**
 * Finds the enabled signals of enabled banks that match values of one signal type. One bean per
 * signal type; a faster index (such as a multi-index PDQ matcher) replaces a bean without
 * touching its callers.
 */
public interface SignalIndex {

    SignalType signalType();

    /**
     * The matches of each value, in the order of {@code values} (already validated and lower-cased),
     * each list ordered by distance, then bank, then signal.
     *
     * @param maxDistance the largest Hamming distance that matches; exact indexes ignore it
     */
    List<List<SignalMatch>> lookup(List<String> values, int maxDistance);
}
