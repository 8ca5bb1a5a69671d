package eu.vigie.cases.client;

import java.util.List;

/**
 * The signals of one confirmed case, delivered together in one call to classify-service's
 * {@code POST /api/v1/banks/CONFIRMED/signals/batch} (NDJSON, one signal a line, each idempotent there).
 * {@code source} is {@code case:<case id>}, as on each signal.
 */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record ConfirmedSignals(String source, List<ConfirmedSignal> signals) {
}
