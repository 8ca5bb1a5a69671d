package eu.vigie.classify.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.vigie.common.vocabulary.SignalType;

/**
 * One line of a bank's NDJSON export: the shape the batch add takes, plus the signal's open curation flags when it
 * has any (a batch add ignores them: flags are raised only through the curation-flags endpoint).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SignalExportLine(SignalType signalType, String value, SignalLabels labels, String source,
        List<CurationFlagView> curationFlags) {
}
