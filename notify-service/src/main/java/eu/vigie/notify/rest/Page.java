package eu.vigie.notify.rest;

import java.util.List;

/**
 * A page of a list; {@code nextCursor} fetches the next one, and is null on the last page. Not named by
 * a {@code @Schema}: each use is its own schema (PageDeliveryView, PageInboxItemView), and a named raw
 * type would be an unused component of the OpenAPI document.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
