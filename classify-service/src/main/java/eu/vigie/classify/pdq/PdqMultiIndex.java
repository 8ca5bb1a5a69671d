package eu.vigie.classify.pdq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact Hamming-distance search over 256-bit PDQ hashes by multi-index hashing (Norouzi, Punjani and Fleet, 2012): the
 * hash is cut into 16 slots of 16 bits and each slot has its own table from the slot's 16-bit value to the entries
 * holding it. By the pigeonhole principle a hash within distance {@code r} of the query agrees with it to within
 * {@code floor(r / 16)} bits in at least one slot (within 1 bit for the industry's 31), so probing, in every slot, the
 * query's value and all values within that many bits of it finds every match; each candidate is then verified by its
 * full distance. The search is exact for every distance 0-256.
 * <p>
 * Memory is primitive arrays only: the packed hashes ({@code long[4]} per entry, 32 bytes), the signal ids (two longs),
 * an enabled bit, and per slot and value a growable {@code int[]} of entry numbers (4 bytes per entry per slot): about
 * 134 bytes per entry with the arrays' spare capacity (measured by PdqMatchBenchmark: 10 million hashes, 1.34 GB).
 * <p>
 * Entries are added and disabled incrementally; nothing is ever rebuilt. An entry is keyed by its signal id: adding an
 * id again, or enabling or disabling it, is idempotent. Reads run concurrently; writes are serialised.
 */
public final class PdqMultiIndex {

    public static final int SLOTS = 16;
    private static final int BUCKETS = 1 << 16;

    /** A verified match: the entry's signal id and its distance to the query. */
    public record Hit(UUID signalId, long[] hash, int distance) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** buckets[slot][value]: entry numbers in increasing order; sizes[slot][value] how many are used. */
    private final int[][][] buckets = new int[SLOTS][BUCKETS][];
    private final int[][] sizes = new int[SLOTS][BUCKETS];
    private long[] hashes = new long[4 * 1024];
    private long[] idHigh = new long[1024];
    private long[] idLow = new long[1024];
    private long[] enabled = new long[1024 / 64];
    private int count;
    private int enabledCount;

    /** The 16-bit value of slot {@code s} (bits 16s to 16s+15) of a packed hash. */
    static int slot(long[] hash, int s) {
        return (int) (hash[s >> 2] >>> ((s & 3) << 4)) & 0xffff;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return enabledCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Records a signal's hash as enabled or disabled: an unknown id is added if enabled (an unknown disabled one takes
     * no room), a known id just has its enabled bit set. The hash of an id never changes.
     */
    public void put(UUID id, long[] hash, boolean isEnabled) {
        lock.writeLock().lock();
        try {
            int entry = find(id, hash);
            if (entry >= 0) {
                setEnabled(entry, isEnabled);
            } else if (isEnabled) {
                setEnabled(append(id, hash), true);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int find(UUID id, long[] hash) {
        int value = slot(hash, 0);
        int[] bucket = buckets[0][value];
        int n = sizes[0][value];
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        for (int k = 0; k < n; k++) {
            int e = bucket[k];
            if (idHigh[e] == high && idLow[e] == low) {
                return e;
            }
        }
        return -1;
    }

    private int append(UUID id, long[] hash) {
        int entry = count;
        if (entry == idHigh.length) {
            int capacity = idHigh.length + (idHigh.length >> 1);
            idHigh = Arrays.copyOf(idHigh, capacity);
            idLow = Arrays.copyOf(idLow, capacity);
            hashes = Arrays.copyOf(hashes, 4 * capacity);
            enabled = Arrays.copyOf(enabled, (capacity + 63) / 64);
        }
        System.arraycopy(hash, 0, hashes, 4 * entry, 4);
        idHigh[entry] = id.getMostSignificantBits();
        idLow[entry] = id.getLeastSignificantBits();
        for (int s = 0; s < SLOTS; s++) {
            int value = slot(hash, s);
            int[] bucket = buckets[s][value];
            int n = sizes[s][value];
            if (bucket == null) {
                bucket = new int[4];
                buckets[s][value] = bucket;
            } else if (n == bucket.length) {
                bucket = Arrays.copyOf(bucket, n + (n >> 1));
                buckets[s][value] = bucket;
            }
            bucket[n] = entry;
            sizes[s][value] = n + 1;
        }
        count++;
        return entry;
    }

    private void setEnabled(int entry, boolean isEnabled) {
        long mask = 1L << (entry & 63);
        boolean was = (enabled[entry >> 6] & mask) != 0;
        if (was != isEnabled) {
            enabled[entry >> 6] ^= mask;
            enabledCount += isEnabled ? 1 : -1;
        }
    }

    /** The enabled entries within {@code maxDistance} of the query, by multi-index hashing. */
    public List<Hit> search(long[] query, int maxDistance) {
        int tolerance = Math.min(16, maxDistance / SLOTS);
        int[] probes = probes(tolerance);
        List<Hit> hits = new ArrayList<>();
        lock.readLock().lock();
        try {
            long q0 = query[0];
            long q1 = query[1];
            long q2 = query[2];
            long q3 = query[3];
            for (int s = 0; s < SLOTS; s++) {
                int value = slot(query, s);
                for (int flip : probes) {
                    int key = value ^ flip;
                    int[] bucket = buckets[s][key];
                    int n = sizes[s][key];
                    for (int k = 0; k < n; k++) {
                        int e = bucket[k];
                        if ((enabled[e >> 6] & (1L << (e & 63))) == 0) {
                            continue;
                        }
                        int b = e << 2;
                        int d = Long.bitCount(hashes[b] ^ q0) + Long.bitCount(hashes[b + 1] ^ q1)
                                + Long.bitCount(hashes[b + 2] ^ q2) + Long.bitCount(hashes[b + 3] ^ q3);
                        if (d <= maxDistance && firstSlotWithin(e, query, tolerance) == s) {
                            hits.add(hit(e, d));
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return hits;
    }

    /**
     * The first slot in which the entry is within {@code tolerance} bits of the query: the entry is reported from that
     * slot only, so each match is reported once without a set of seen entries.
     */
    private int firstSlotWithin(int entry, long[] query, int tolerance) {
        long[] entryHash = { hashes[entry << 2], hashes[(entry << 2) + 1], hashes[(entry << 2) + 2],
                hashes[(entry << 2) + 3] };
        for (int s = 0; s < SLOTS; s++) {
            if (Integer.bitCount(slot(entryHash, s) ^ slot(query, s)) <= tolerance) {
                return s;
            }
        }
        return -1;
    }

    /** The same answer by scanning every entry: the reference the index is tested and benchmarked against. */
    public List<Hit> scan(long[] query, int maxDistance) {
        List<Hit> hits = new ArrayList<>();
        lock.readLock().lock();
        try {
            long q0 = query[0];
            long q1 = query[1];
            long q2 = query[2];
            long q3 = query[3];
            long[] h = hashes;
            for (int e = 0, b = 0; e < count; e++, b += 4) {
                int d = Long.bitCount(h[b] ^ q0) + Long.bitCount(h[b + 1] ^ q1) + Long.bitCount(h[b + 2] ^ q2)
                        + Long.bitCount(h[b + 3] ^ q3);
                if (d <= maxDistance && (enabled[e >> 6] & (1L << (e & 63))) != 0) {
                    hits.add(hit(e, d));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return hits;
    }

    private Hit hit(int entry, int distance) {
        int b = entry << 2;
        return new Hit(new UUID(idHigh[entry], idLow[entry]),
                new long[] { hashes[b], hashes[b + 1], hashes[b + 2], hashes[b + 3] }, distance);
    }

    private static final int[] PROBES_0 = masks(0);
    private static final int[] PROBES_1 = masks(1);

    /** Every 16-bit mask of at most {@code bits} set bits, fewest first (0 first). */
    static int[] probes(int bits) {
        return switch (bits) {
            case 0 -> PROBES_0;
            case 1 -> PROBES_1;
            default -> masks(bits);
        };
    }

    private static int[] masks(int bits) {
        return java.util.stream.IntStream.range(0, BUCKETS).filter(m -> Integer.bitCount(m) <= bits).boxed()
                .sorted(java.util.Comparator.comparingInt(Integer::bitCount)).mapToInt(Integer::intValue).toArray();
    }

    /** Makes room for {@code entries} entries in all, so that loading a known number copies nothing. */
    public void ensureCapacity(int entries) {
        lock.writeLock().lock();
        try {
            if (entries > idHigh.length) {
                idHigh = Arrays.copyOf(idHigh, entries);
                idLow = Arrays.copyOf(idLow, entries);
                hashes = Arrays.copyOf(hashes, 4 * entries);
                enabled = Arrays.copyOf(enabled, (entries + 63) / 64);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
