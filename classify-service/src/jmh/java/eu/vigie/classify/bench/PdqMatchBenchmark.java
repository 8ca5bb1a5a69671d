package eu.vigie.classify.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import eu.vigie.classify.pdq.PdqMultiIndex;

/**
 * Exact PDQ matching at distance 31 over {@code size} random hashes: the multi-index against the brute-force scan, in
 * the same run and over the same index. Half the queries have a planted neighbour (a stored hash with 20 bits flipped),
 * half match nothing. The heap held by the index is printed at set-up (used heap after a full GC, before and after
 * loading).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-XX:+UseParallelGC" })
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class PdqMatchBenchmark {

    @Param({ "1000000", "10000000" })
    public int size;

    private PdqMultiIndex index;
    private long[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        long before = usedHeap();
        SplittableRandom random = new SplittableRandom(31);
        index = new PdqMultiIndex();
        index.ensureCapacity(size);
        queries = new long[1024][];
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
        long after = usedHeap();
        System.out.printf("%n[heap] %d hashes: index holds %.1f MB (%.1f bytes/hash); max heap %d MB%n", size,
                (after - before) / 1e6, (after - before) / (double) size,
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    private static long usedHeap() {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Benchmark
    public List<PdqMultiIndex.Hit> multiIndex() {
        return index.search(queries[next++ & 1023], 31);
    }

    @Benchmark
    public List<PdqMultiIndex.Hit> bruteForce() {
        return index.scan(queries[next++ & 1023], 31);
    }
}
