package eu.vigie.classify.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.CurationFlag;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CurationFlagRepository implements PanacheRepositoryBase<CurationFlag, UUID> {

    /** Every flag of a signal, open or cleared, oldest first. */
    public List<CurationFlag> ofSignal(UUID signalId) {
        return list("signalId = ?1 order by flaggedAt, flagId", signalId);
    }

    /** The flags of these signals, grouped by signal, oldest first; {@code openOnly} leaves out cleared ones. */
    public Map<UUID, List<CurationFlag>> ofSignals(Collection<UUID> signalIds, boolean openOnly) {
        Map<UUID, List<CurationFlag>> bySignal = new HashMap<>();
        if (signalIds.isEmpty()) {
            return bySignal;
        }
        List<CurationFlag> flags = list("signalId in ?1" + (openOnly ? " and clearedAt is null" : "")
                + " order by flaggedAt, flagId", signalIds);
        for (CurationFlag flag : flags) {
            bySignal.computeIfAbsent(flag.signalId, k -> new java.util.ArrayList<>()).add(flag);
        }
        return bySignal;
    }
}
