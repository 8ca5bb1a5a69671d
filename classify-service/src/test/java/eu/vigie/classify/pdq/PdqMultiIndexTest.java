package eu.vigie.classify.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The multi-index against the brute-force scan it replaces: the same answers, exactly. */
class PdqMultiIndexTest {

    private static long[] random(SplittableRandom random) {
        return new long[] { random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong() };
    }

    /** A copy of {@code hash} with exactly {@code bits} distinct bits flipped. */
    private static long[] flip(long[] hash, int bits, SplittableRandom random) {
        long[] copy = hash.clone();
        int flipped = 0;
        while (flipped < bits) {
            int bit = random.nextInt(256);
            long before = copy[bit >> 6];
            copy[bit >> 6] ^= 1L << (bit & 63);
            if (Long.bitCount(copy[bit >> 6] ^ hash[bit >> 6]) > Long.bitCount(before ^ hash[bit >> 6])) {
                flipped++;
            } else {
                copy[bit >> 6] = before;
            }
        }
        return copy;
    }

    private static List<String> sorted(List<PdqMultiIndex.Hit> hits) {
        List<String> out = new ArrayList<>();
        hits.stream().sorted(Comparator.comparing(PdqMultiIndex.Hit::signalId))
                .forEach(h -> out.add(h.signalId() + "@" + h.distance()));
        return out;
    }

    @Test
    void multiIndexAnswersExactlyWhatTheScanAnswersAtEveryDistance() {
        SplittableRandom random = new SplittableRandom(20261129L);
        PdqMultiIndex index = new PdqMultiIndex();
        List<long[]> centres = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            long[] centre = random(random);
            centres.add(centre);
            index.put(UUID.randomUUID(), centre, true);
            // Neighbours at every distance around the threshold, including the hard cases 31 and 32, with flips
            // spread so that some fall in no slot exactly.
            for (int d : new int[] { 0, 1, 2, 15, 16, 17, 30, 31, 31, 32, 33, 40, 47, 48, 63, 64, 100 }) {
                index.put(UUID.randomUUID(), flip(centre, d, random), true);
            }
        }
        for (int k = 0; k < 20_000; k++) {
            index.put(UUID.randomUUID(), random(random), true);
        }
        int nonEmpty = 0;
        for (int q = 0; q < 400; q++) {
            long[] query = q % 2 == 0 ? flip(centres.get(q / 2), random.nextInt(12), random) : random(random);
            for (int maxDistance : new int[] { 0, 10, 31, 32, 47, 64 }) {
                List<String> mih = sorted(index.search(query, maxDistance));
                assertEquals(sorted(index.scan(query, maxDistance)), mih,
                        "query " + q + " at distance " + maxDistance);
                if (!mih.isEmpty()) {
                    nonEmpty++;
                }
            }
        }
        assertTrue(nonEmpty > 500, "the property is exercised on queries that do match: " + nonEmpty);
    }

    @Test
    void everyHashAtDistance31IsFoundWhereverItsBitsFall() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int trial = 0; trial < 300; trial++) {
            PdqMultiIndex index = new PdqMultiIndex();
            long[] query = random(random);
            // Worst case of the pigeonhole: 15 slots with 2 flipped bits and one with 1 (31 bits).
            long[] target = query.clone();
            int oneBitSlot = random.nextInt(16);
            for (int s = 0; s < 16; s++) {
                int first = random.nextInt(16);
                int second = (first + 1 + random.nextInt(15)) % 16;
                int bit = 16 * s + first;
                target[bit >> 6] ^= 1L << (bit & 63);
                if (s != oneBitSlot) {
                    bit = 16 * s + second;
                    target[bit >> 6] ^= 1L << (bit & 63);
                }
            }
            UUID id = UUID.randomUUID();
            index.put(id, target, true);
            List<PdqMultiIndex.Hit> hits = index.search(query, 31);
            assertEquals(1, hits.size());
            assertEquals(id, hits.get(0).signalId());
            assertEquals(31, hits.get(0).distance());
        }
    }

    @Test
    void disableAndEnableAreIncrementalAndIdempotent() {
        PdqMultiIndex index = new PdqMultiIndex();
        SplittableRandom random = new SplittableRandom(3L);
        long[] hash = random(random);
        UUID id = UUID.randomUUID();
        index.put(id, hash, true);
        index.put(id, hash, true);
        assertEquals(1, index.size());
        assertEquals(1, index.search(hash, 0).size(), "an id added twice is found once");
        index.put(id, hash, false);
        assertTrue(index.search(hash, 31).isEmpty());
        assertTrue(index.scan(hash, 31).isEmpty());
        assertEquals(0, index.size());
        index.put(id, hash, true);
        assertEquals(List.of(id), index.search(hash, 31).stream().map(PdqMultiIndex.Hit::signalId).toList());
        UUID unknownDisabled = UUID.randomUUID();
        index.put(unknownDisabled, flip(hash, 3, random), false);
        assertFalse(index.search(hash, 31).stream().anyMatch(h -> h.signalId().equals(unknownDisabled)));
    }

    @Test
    void growsPastItsInitialCapacity() {
        PdqMultiIndex index = new PdqMultiIndex();
        SplittableRandom random = new SplittableRandom(11L);
        List<long[]> all = new ArrayList<>();
        for (int k = 0; k < 5000; k++) {
            long[] h = random(random);
            all.add(h);
            index.put(UUID.randomUUID(), h, true);
        }
        assertEquals(5000, index.size());
        for (long[] h : all) {
            assertEquals(1, index.search(h, 0).size());
        }
    }

    @Test
    void hexadecimalFormIsTheReferences() {
        String hex = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
        assertEquals(hex, PdqHashes.toHex(PdqHashes.fromHex(hex)));
        assertEquals(hex, PdqHashes.toHex(PdqHashes.fromHex(hex.toUpperCase())));
        // Bit 255 is the first digit's high bit, bit 0 the last digit's low bit.
        assertEquals(1L << 63, PdqHashes.fromHex("8" + "0".repeat(63))[3]);
        assertEquals(1L, PdqHashes.fromHex("0".repeat(63) + "1")[0]);
    }
}
