package eu.vigie.classify.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.BankSignal;
import eu.vigie.common.vocabulary.SignalType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BankSignalRepository implements PanacheRepositoryBase<BankSignal, UUID> {

    public Optional<BankSignal> findInBank(String bank, SignalType type, String value) {
        return find("bankName = ?1 and signalType = ?2 and value = ?3", bank, type, value).firstResultOptional();
    }

    public Optional<BankSignal> findInBank(String bank, UUID id) {
        return find("bankName = ?1 and id = ?2", bank, id).firstResultOptional();
    }

    /** Enabled signals of enabled banks with exactly one of these values, in a stable order. */
    public List<BankSignal> findActive(SignalType type, Collection<String> values) {
        return list("select s from BankSignal s, HashBank b where b.name = s.bankName and b.enabled = true"
                + " and s.enabled = true and s.signalType = ?1 and s.value in ?2 order by s.bankName, s.createdAt, s.id",
                type, values);
    }

    /** One page of a bank's enabled signals in id order, after {@code after} (null: from the start). */
    public List<BankSignal> enabledPage(String bank, UUID after, int size) {
        if (after == null) {
            return find("bankName = ?1 and enabled = true order by id", bank).page(0, size).list();
        }
        return find("bankName = ?1 and enabled = true and id > ?2 order by id", bank, after).page(0, size).list();
    }

    /**
     * One page of a bank's signals in id order, after {@code after} (null: from the start); {@code flagged} true keeps
     * only signals with an open curation flag, false only those without, null all.
     */
    public List<BankSignal> page(String bank, Boolean flagged, UUID after, int size) {
        StringBuilder query = new StringBuilder("from BankSignal s where s.bankName = :bank");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("bank", bank);
        if (flagged != null) {
            query.append(flagged ? " and exists" : " and not exists").append(
                    " (select 1 from CurationFlag f where f.signalId = s.id and f.clearedAt is null)");
        }
        if (after != null) {
            query.append(" and s.id > :after");
            parameters.put("after", after);
        }
        return find(query + " order by s.id", parameters).page(0, size).list();
    }

    public long countInBank(String bank) {
        return count("bankName", bank);
    }
}
