package eu.vigie.classify.repository;

import java.util.Collection;
import java.util.List;
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

    public long countInBank(String bank) {
        return count("bankName", bank);
    }
}
