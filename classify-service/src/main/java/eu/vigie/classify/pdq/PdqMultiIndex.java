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
 * The hot path touches primitive arrays only, with as few dependent memory loads as possible:
 * <ul>
 * <li>one bucket directory for all slots ({@code int[16 * 65536][]}); a bucket is a single {@code int[]} whose first
 * element is its length and whose other elements are entry numbers (ordinals), so a probe costs one reference load
 * and one array read, with no separate table of sizes;</li>
 * <li>the hashes in two {@code long[]}: their first 128 bits ({@code lead}, two longs per entry) and their last 128
 * ({@code tail}); a candidate is rejected on its lead (a random hash is about 64 bits away there, a match at most
 * {@code maxDistance}), so most candidates cost one 16-byte read from an array half the size of the hashes;</li>
 * <li>the candidates of a slot are first gathered from all its probed buckets into one scratch array and then
 * verified in a single loop, so that many reads are in flight at once instead of one bucket after another;</li>
 * <li>no set for de-duplication: a hash within the slot tolerance in several slots is reported only from the first
 * such slot, which the verified hash itself tells, and only verified matches are checked for it and for the enabled
 * bit.</li>
 * </ul>
 * Memory, per entry: 32 bytes of hash, 16 of signal id, one enabled bit, and 16 ordinals of 4 bytes in the buckets
 * (plus their spare capacity, at most a quarter): measured by PdqMatchBenchmark, 10 million hashes hold 1.23 GB of
 * heap (123 bytes a hash; 145 at 1 million, where the fixed bucket directory weighs more).
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
    /**
     * table[slot * 65536 + value]: null, or {length, ordinal, ordinal, ...} with the ordinals of the entries whose slot
     * {@code slot} holds {@code value}, in increasing order.
     */
    private final int[][] table = new int[SLOTS * BUCKETS][];
    private long[] lead = new long[2 * 1024];
    private long[] tail = new long[2 * 1024];
    private long[] ids = new long[2 * 1024];
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

    /** How many entries the index holds, enabled or not (a disabled entry keeps its ordinal so that it can return). */
    public int entries() {
        lock.readLock().lock();
        try {
            return count;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Records a signal's hash as enabled or disabled: an unknown id is added if enabled (an unknown disabled one takes
     * no room), a known id just has its enabled bit set. The hash of an id never changes.
     */
    public void put(UUID id, long[] hash, boolean isEnabled) {
        if (hash.length != 4) {
            throw new IllegalArgumentException("a PDQ hash is four longs");
        }
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
        int[] bucket = table[slot(hash, 0)];
        if (bucket == null) {
            return -1;
        }
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        for (int k = 1, n = bucket[0]; k <= n; k++) {
            int e = bucket[k];
            if (ids[2 * e] == high && ids[2 * e + 1] == low) {
                return e;
            }
        }
        return -1;
    }

    private int append(UUID id, long[] hash) {
        int entry = count;
        if (entry == Integer.MAX_VALUE / 4) {
            throw new IllegalStateException("the PDQ index is full");
        }
        if (2 * entry == lead.length) {
            grow(entry + Math.max(1024, entry >> 1));
        }
        lead[2 * entry] = hash[0];
        lead[2 * entry + 1] = hash[1];
        tail[2 * entry] = hash[2];
        tail[2 * entry + 1] = hash[3];
        ids[2 * entry] = id.getMostSignificantBits();
        ids[2 * entry + 1] = id.getLeastSignificantBits();
        for (int s = 0; s < SLOTS; s++) {
            int key = (s << 16) | slot(hash, s);
            int[] bucket = table[key];
            if (bucket == null) {
                bucket = new int[4];
                table[key] = bucket;
            } else if (bucket[0] + 1 == bucket.length) {
                // grow by a quarter: the spare capacity of 16 buckets per entry is most of the index's memory
                bucket = Arrays.copyOf(bucket, bucket.length + Math.max(4, bucket.length >> 2));
                table[key] = bucket;
            }
            bucket[++bucket[0]] = entry;
        }
        count++;
        return entry;
    }

    private void grow(int capacity) {
        lead = Arrays.copyOf(lead, 2 * capacity);
        tail = Arrays.copyOf(tail, 2 * capacity);
        ids = Arrays.copyOf(ids, 2 * capacity);
        enabled = Arrays.copyOf(enabled, (capacity + 63) / 64);
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
        List<Hit> hits = new ArrayList<>();
        if (maxDistance < 0) {
            return hits;
        }
        int tolerance = Math.min(16, maxDistance / SLOTS);
        int[] probes = probes(tolerance);
        long q0 = query[0];
        long q1 = query[1];
        long q2 = query[2];
        long q3 = query[3];
        Scratch scratch = SCRATCH.get();
        lock.readLock().lock();
        try {
            int[][] t = table;
            long[] l = lead;
            long[] r = tail;
            int[][] found = scratch.buckets(SLOTS * probes.length);
            for (int s = 0; s < SLOTS; s++) {
                // First every bucket of the slot: independent loads the processor overlaps, rather than one bucket
                // reference, its length and its entries one after the other.
                int base = s << 16;
                int value = slot(query, s);
                int total = 0;
                int buckets = 0;
                for (int flip : probes) {
                    int[] bucket = t[base | (value ^ flip)];
                    if (bucket != null) {
                        found[buckets++] = bucket;
                    }
                }
                for (int b = 0; b < buckets; b++) {
                    total += found[b][0];
                }
                // Then the slot's candidates in one array, verified in one loop without data-dependent branches
                // but the rare one taken by a match, so that many hash reads are in flight at once.
                int[] candidates = scratch.candidates(total);
                int c = 0;
                for (int b = 0; b < buckets; b++) {
                    int[] bucket = found[b];
                    int n = bucket[0];
                    System.arraycopy(bucket, 1, candidates, c, n);
                    c += n;
                }
                for (int k = 0; k < c; k++) {
                    int o = candidates[k] << 1;
                    int d = Long.bitCount(l[o] ^ q0) + Long.bitCount(l[o + 1] ^ q1);
                    if (d <= maxDistance) {
                        d += Long.bitCount(r[o] ^ q2) + Long.bitCount(r[o + 1] ^ q3);
                        if (d <= maxDistance) {
                            accept(candidates[k], d, s, query, tolerance, hits);
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return hits;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A searching thread's reusable arrays: the probed buckets and the candidates of one slot. */
    private static final class Scratch {
        private int[][] buckets = new int[SLOTS * 17][];
        private int[] candidates = new int[4096];

        int[][] buckets(int needed) {
            if (buckets.length < needed) {
                buckets = new int[needed][];
            }
            return buckets;
        }

        int[] candidates(int needed) {
            if (candidates.length < needed) {
                candidates = new int[Math.max(needed, candidates.length * 2)];
            }
            return candidates;
        }
    }

    /**
     * Adds a verified entry found in slot {@code s} if it is enabled and {@code s} is the first slot in which it is
     * within {@code tolerance} bits of the query: each match is reported once without a set of seen entries.
     */
    private void accept(int entry, int distance, int s, long[] query, int tolerance, List<Hit> hits) {
        if ((enabled[entry >> 6] & (1L << (entry & 63))) == 0) {
            return;
        }
        long[] mine = hashOf(entry);
        for (int earlier = 0; earlier < s; earlier++) {
            if (Integer.bitCount(slot(mine, earlier) ^ slot(query, earlier)) <= tolerance) {
                return;
            }
        }
        hits.add(new Hit(new UUID(ids[2 * entry], ids[2 * entry + 1]), mine, distance));
    }

    private long[] hashOf(int entry) {
        return new long[] { lead[2 * entry], lead[2 * entry + 1], tail[2 * entry], tail[2 * entry + 1] };
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
            long[] l = lead;
            long[] r = tail;
            for (int e = 0, b = 0; e < count; e++, b += 2) {
                int d = Long.bitCount(l[b] ^ q0) + Long.bitCount(l[b + 1] ^ q1) + Long.bitCount(r[b] ^ q2)
                        + Long.bitCount(r[b + 1] ^ q3);
                if (d <= maxDistance && (enabled[e >> 6] & (1L << (e & 63))) != 0) {
                    hits.add(new Hit(new UUID(ids[2 * e], ids[2 * e + 1]), hashOf(e), d));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return hits;
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
            if (2L * entries > lead.length) {
                grow(entries);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
