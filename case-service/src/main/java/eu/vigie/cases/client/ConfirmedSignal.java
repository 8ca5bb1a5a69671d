package eu.vigie.cases.client;

import java.util.List;

import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.SignalType;
import eu.vigie.common.vocabulary.Tier;

/**
 * A signal of content a reviewer confirmed as terrorist content, for classify-service's
 * {@code CONFIRMED} bank ({@code POST /api/v1/banks/CONFIRMED/signals}, idempotent on the bank,
 * signal type and value). {@code source} is {@code case:<case id>}.
 */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record ConfirmedSignal(SignalType signalType, String value, Labels labels, String source) {

    public record Labels(List<Category> categories, String entity, Tier tier) {
    }
}
