package eu.vigie.classify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.UUID;

import eu.vigie.classify.pdq.PdqMultiIndex;

/**
 * The CPU time (not wall-clock time) one thread spends per PDQ lookup at distance 31, by the multi-index and by the
 * brute-force scan over the same index, in the same JVM: on a shared, overloaded machine, wall-clock figures include
 * time spent waiting for a core; this does not. The index and the queries are PdqMatchBenchmark's (same seed: half the
 * queries have a planted neighbour 20 bits away, half match nothing). Arguments: the number of hashes (default
 * 1000000). Run with {@code -Djmh.main=eu.vigie.classify.bench.MatchCpuTimeProbe -Djmh.args=10000000}.
 */
public final class MatchCpuTimeProbe {

    private MatchCpuTimeProbe() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SplittableRandom random = new SplittableRandom(31);
        PdqMultiIndex index = new PdqMultiIndex();
        index.ensureCapacity(size);
        long[][] queries = new long[1024][];
        for (int k = 0; k < size; k++) {
            long[] hash = { random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong() };
            index.put(new UUID(random.nextLong(), random.nextLong()), hash, true);
            if (k < 512) {
                long[] near = hash.clone();
                for (int flipped = 0; flipped < 20; flipped++) {
                    int bit = random.nextInt(256);
                    near[bit >> 6] ^= 1L << (bit & 63);
                }
                queries[k] = near;
            }
        }
        for (int k = 512; k < queries.length; k++) {
            queries[k] = new long[] { random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong() };
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 4; round++) {
            int lookups = 2048;
            long found = 0;
            long cpu = threads.getCurrentThreadCpuTime();
            for (int q = 0; q < lookups; q++) {
                found += index.search(queries[q & 1023], 31).size();
            }
            long multiIndex = threads.getCurrentThreadCpuTime() - cpu;
            int scans = 24;
            long scanned = 0;
            cpu = threads.getCurrentThreadCpuTime();
            for (int q = 0; q < scans; q++) {
                scanned += index.scan(queries[q & 1023], 31).size();
            }
            long brute = threads.getCurrentThreadCpuTime() - cpu;
            double perLookup = multiIndex / 1e3 / lookups;
            double perScan = brute / 1e3 / scans;
            System.out.printf("round %d, %d hashes: multi-index %.1f us CPU per lookup (%d found in %d), brute force"
                    + " %.1f us CPU per scan (%d found in %d): %.1fx%n", round, size, perLookup, found, lookups,
                    perScan, scanned, scans, perScan / perLookup);
        }
    }
}
