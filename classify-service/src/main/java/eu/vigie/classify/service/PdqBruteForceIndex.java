package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.rest.SignalLabels;
import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.common.vocabulary.SignalType;
import eu.vigie.common.vocabulary.Tier;

/**
 * PDQ matching by a brute-force scan: PostgreSQL computes the Hamming distance between the query
 * and every enabled PDQ signal of an enabled bank (256-bit XOR, then a bit count). Correct at any
 * size, linear in the number of PDQ signals: the multi-index matcher will replace this bean.
 */
@ApplicationScoped
public class PdqBruteForceIndex implements SignalIndex {

    private static final String SCAN = """
            SELECT CAST(s.id AS varchar), s.bank_name, s.value, s.categories, s.entity, s.tier, d.distance
            FROM bank_signal s
            JOIN hash_bank b ON b.name = s.bank_name
            CROSS JOIN LATERAL (SELECT CAST(bit_count(CAST('x' || s.value AS bit(256))
                                                      # CAST('x' || :query AS bit(256))) AS int) AS distance) d
            WHERE s.signal_type = 'PDQ' AND s.enabled AND b.enabled AND d.distance <= :maxDistance
            ORDER BY d.distance, s.bank_name, s.id
            """;

    private final EntityManager em;

    public PdqBruteForceIndex(EntityManager em) {
        this.em = em;
    }

    @Override
    public SignalType signalType() {
        return SignalType.PDQ;
    }

    @Override
    public List<List<SignalMatch>> lookup(List<String> values, int maxDistance) {
        List<List<SignalMatch>> results = new ArrayList<>(values.size());
        for (String value : values) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(SCAN).setParameter("query", value)
                    .setParameter("maxDistance", maxDistance).getResultList();
            List<SignalMatch> matches = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                matches.add(new SignalMatch((String) row[1], UUID.fromString((String) row[0]), SignalType.PDQ,
                        (String) row[2], ((Number) row[6]).intValue(),
                        new SignalLabels(BankSignal.parseCategories((String) row[3]), (String) row[4],
                                row[5] == null ? null : Tier.valueOf((String) row[5]))));
            }
            results.add(matches);
        }
        return results;
    }
}
