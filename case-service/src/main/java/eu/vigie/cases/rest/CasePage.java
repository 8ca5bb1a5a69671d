package eu.vigie.cases.rest;

import java.util.List;

/** One page of cases; {@code nextCursor} is null on the last page. */
public record CasePage(List<CaseSummary> items, String nextCursor) {
}
