package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.Routing;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

/** The verdict on a referral, with the evidence and a sentence for every conclusion. A suggestion: a person decides. */
@Schema(name = "Classification")
public record ClassificationView(UUID id, UUID referralId, List<Category> categories, String entity, Tier tier,
        int score, Routing routing, List<SignalMatch> matches, List<TextIndicator> indicators,
        List<String> explanations, Instant classifiedAt) {
}
