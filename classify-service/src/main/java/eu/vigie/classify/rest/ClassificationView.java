package eu.vigie.classify.rest;

import java.math.BigDecimal;
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
        @Schema(description = SCORE, minimum = "0", maximum = "1", examples = "0.829") BigDecimal score,
        @Schema(description = ROUTING) Routing routing,
        @Schema(description = "The text's language as detected (en, fr, ar) from its script and function words; the"
                + " declared language is used only when the text does not decide, and is overruled when it contradicts"
                + " the text. Null when neither says.") String language, List<SignalMatch> matches, List<TextIndicator> indicators,
        List<String> explanations, Instant classifiedAt) {

    static final String SCORE = """
            How strongly the evidence the machine found indicates terrorist content, in [0,1] with at most three \
            decimals. Each kind of evidence is an independent indication of fixed strength and the strengths are \
            combined as a noisy-OR: score = 1 - (1 - h)(1 - e)(1 - 0.30)^k, where h is the strongest hash match \
            (0.95 exact, i.e. MD5, SHA-256 or PDQ at distance 0; max(0.50, 0.95 - 0.01 d) for a PDQ match at \
            Hamming distance d, so 0.64 at 31; 0 without a match), e is 0.50 when the text names a designated \
            entity, and k is the number of distinct Art. 2(7) categories the text indicates. The strengths are \
            policy weights, not a probability fitted to past decisions. 0 means nothing was found; 0.5 or more \
            means at least one strong indication (any hash match, or a designated entity named, or two categories \
            with more besides) and routes to NORMAL_REVIEW at least; 0.8 or more means near-identical banked \
            content (PDQ within 15 bits, or a hash match with corroborating text) or text naming a designated \
            entity with three categories, and routes to FAST_TRACK_REVIEW. The same input and banks always give \
            the same score. A suggestion only: a person decides.""";

    static final String ROUTING = """
            The review queue suggested: FAST_TRACK_REVIEW when the tier is THREAT_TO_LIFE or CRISIS or the score \
            is at least 0.8; NORMAL_REVIEW when the tier is DESIGNATED_GROUP or the score is at least 0.5; \
            LOW_PRIORITY otherwise. A suggestion only: a person decides.""";
}
