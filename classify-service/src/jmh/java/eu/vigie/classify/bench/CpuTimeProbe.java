package eu.vigie.classify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import eu.vigie.classify.pdq.PdqHasher;

/**
 * The CPU time (not wall-clock time) one thread spends per PDQ hash of the benchmark's 1024x768 image: on a shared,
 * overloaded machine wall-clock benchmarks include time spent waiting for a core; this does not. Run with
 * {@code -Djmh.args=...} replaced by the exec plugin's main class: see the report for the command.
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        PdqHashBenchmark state = new PdqHashBenchmark();
        state.image();
        PdqHasher hasher = new PdqHasher();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 300; k++) {
            state.hash();
        }
        int runs = 300;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int k = 0; k < runs; k++) {
            state.hash();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.out.printf("PDQ 1024x768: %.2f ms CPU per hash, %.2f ms wall-clock per hash (%d hashes)%n",
                cpu / 1e6 / runs, wall / 1e6 / runs, runs);
        if (hasher.hash(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_3BYTE_BGR))
                .quality() != 0) {
            throw new IllegalStateException("a flat image has quality 0");
        }
    }
}
