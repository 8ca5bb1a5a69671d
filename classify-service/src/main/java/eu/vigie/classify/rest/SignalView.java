package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.CurationFlag;
import eu.vigie.common.vocabulary.SignalType;

@Schema(name = "Signal")
public record SignalView(UUID id, String bank, SignalType signalType, String value, SignalLabels labels, String source,
        boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version,
        @Schema(description = "True while the signal has an open curation flag: a reviewer found content matching it "
                + "not to be terrorist content, and a curator has not yet cleared the flag") boolean flagged,
        @Schema(description = "The signal's curation flags, open and cleared, oldest first") List<CurationFlagView> curationFlags) {

    public static SignalView of(BankSignal s, List<CurationFlag> flags) {
        List<CurationFlagView> views = flags.stream().map(CurationFlagView::of).toList();
        return new SignalView(s.id, s.bankName, s.signalType, s.value,
                new SignalLabels(s.categoryList(), s.entity, s.tier), s.source, s.enabled, s.createdAt, s.createdBy,
                s.updatedAt, s.updatedBy, s.version, flags.stream().anyMatch(CurationFlag::open), views);
    }
}
