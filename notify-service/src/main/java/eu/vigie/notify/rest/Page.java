package eu.vigie.notify.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list; {@code nextCursor} fetches the next one, and is null on the last page. */
@Schema(name = "Page")
public record Page<T>(List<T> items, String nextCursor) {
}
