package eu.vigie.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** An item: its name, and the key it may not share with another item of its group. */
    private record Item(String name, String key) {
    }

    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** A writer that records each group and answers each item's name in capitals, after {@code firstWrite} opens. */
    private GroupCommit<Item, String> recording(int maxGroup, CountDownLatch firstWrite) {
        return new GroupCommit<>(maxGroup, item -> Set.of(item.key()), group -> {
            awaitQuietly(firstWrite);
            groups.add(group.stream().map(Item::name).toList());
            return group.stream().map(item -> {
                if (item.name().startsWith("bad")) {
                    throw new IllegalArgumentException("cannot write " + item.name());
                }
                return GroupCommit.Outcome.of(item.name().toUpperCase());
            }).toList();
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits the first item and, while its write is held, the others; then lets the writes go. */
    private List<Future<String>> submitWhileTheFirstIsWritten(GroupCommit<Item, String> commit, CountDownLatch firstWrite,
            List<Item> items) throws InterruptedException {
        List<Future<String>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> commit.submit(items.get(0))));
        // The first caller is now the writer, held in its write; the others queue behind it.
        Thread.sleep(200);
        for (Item item : items.subList(1, items.size())) {
            answers.add(callers.submit(() -> commit.submit(item)));
            Thread.sleep(20);
        }
        Thread.sleep(200);
        firstWrite.countDown();
        return answers;
    }

    @Test
    void itemsWaitingTogetherAreWrittenInOneGroupAndEachCallerGetsItsOwnOutcome() throws Exception {
        CountDownLatch firstWrite = new CountDownLatch(1);
        GroupCommit<Item, String> commit = recording(32, firstWrite);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new Item("item" + i, "key" + i));
        }

        List<Future<String>> answers = submitWhileTheFirstIsWritten(commit, firstWrite, items);

        for (int i = 0; i < items.size(); i++) {
            assertEquals("ITEM" + i, answers.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(List.of("item0"), List.of("item1", "item2", "item3", "item4", "item5", "item6", "item7",
                "item8", "item9")), groups);
    }

    @Test
    void aGroupHoldsAtMostMaxGroupItems() throws Exception {
        CountDownLatch firstWrite = new CountDownLatch(1);
        GroupCommit<Item, String> commit = recording(3, firstWrite);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(new Item("item" + i, "key" + i));
        }

        List<Future<String>> answers = submitWhileTheFirstIsWritten(commit, firstWrite, items);

        for (Future<String> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(List.of("item0"), List.of("item1", "item2", "item3"), List.of("item4", "item5", "item6"),
                List.of("item7")), groups);
    }

    @Test
    void itemsSharingAKeyAreNeverInOneGroupAndKeepTheirOrder() throws Exception {
        CountDownLatch firstWrite = new CountDownLatch(1);
        GroupCommit<Item, String> commit = recording(32, firstWrite);
        List<Item> items = List.of(new Item("first", "x"), new Item("a1", "a"), new Item("b1", "b"),
                new Item("a2", "a"), new Item("c1", "c"), new Item("a3", "a"));

        List<Future<String>> answers = submitWhileTheFirstIsWritten(commit, firstWrite, items);

        for (Future<String> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(List.of("first"), List.of("a1", "b1", "c1"), List.of("a2"), List.of("a3")), groups);
    }

    @Test
    void whenAGroupFailsEachItemIsWrittenAloneAndOnlyTheBadOneFails() throws Exception {
        CountDownLatch firstWrite = new CountDownLatch(1);
        GroupCommit<Item, String> commit = recording(32, firstWrite);
        List<Item> items = List.of(new Item("first", "x"), new Item("good1", "g1"), new Item("bad", "b"),
                new Item("good2", "g2"));

        List<Future<String>> answers = submitWhileTheFirstIsWritten(commit, firstWrite, items);

        assertEquals("FIRST", answers.get(0).get(10, TimeUnit.SECONDS));
        assertEquals("GOOD1", answers.get(1).get(10, TimeUnit.SECONDS));
        var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> answers.get(2).get(10, TimeUnit.SECONDS));
        assertEquals("cannot write bad", failure.getCause().getMessage());
        assertEquals("GOOD2", answers.get(3).get(10, TimeUnit.SECONDS));
        assertEquals(List.of(List.of("first"), List.of("good1", "bad", "good2"), List.of("good1"), List.of("bad"),
                List.of("good2")), groups);
    }

    @Test
    void aWriterThatDiesWithAnErrorLeavesNobodyWaiting() throws Exception {
        CountDownLatch firstWrite = new CountDownLatch(1);
        GroupCommit<Item, String> commit = new GroupCommit<>(32, item -> Set.of(item.key()), group -> {
            awaitQuietly(firstWrite);
            if (group.size() > 1) {
                throw new OutOfMemoryError("simulated");
            }
            return List.of(GroupCommit.Outcome.of(group.get(0).name()));
        });
        List<Item> items = List.of(new Item("first", "x"), new Item("second", "y"), new Item("third", "z"));

        List<Future<String>> answers = submitWhileTheFirstIsWritten(commit, firstWrite, items);

        assertEquals("first", answers.get(0).get(10, TimeUnit.SECONDS));
        for (Future<String> answer : answers.subList(1, 3)) {
            var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> answer.get(10, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
        }
        // And the next caller still gets through.
        assertEquals("fourth", callers.submit(() -> commit.submit(new Item("fourth", "w"))).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aLoneCallerWritesAtOnce() {
        GroupCommit<Item, String> commit = recording(32, new CountDownLatch(0));

        assertEquals("ALONE", commit.submit(new Item("alone", "k")));
        assertFalse(groups.isEmpty());
        assertEquals(List.of(List.of("alone")), groups);
    }
}
