package eu.vigie.ingest.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: concurrent callers hand in an item each and wait for its outcome; one caller at a time (the writer)
 * takes the waiting items in arrival order, up to {@code maxGroup}, and writes them together in one transaction, so
 * that the statements and the commit of a transaction are shared by the group instead of repeated per item. The
 * writer leaves as soon as its own item is written, and the next waiting caller takes its place.
 * <p>
 * Two items with a key in common (the same content, the same idempotency key) never go in one group: the later one
 * waits for the next group, so that it is written after the earlier one has been committed and sees it, exactly as if
 * each item were written on its own. When a group's transaction fails, each of its items is written again on its own,
 * so that one item's failure is its own.
 *
 * @param <T> the item
 * @param <R> its outcome
 */
final class GroupCommit<T, R> {

    /** Writes a group in one transaction; the outcomes are in the items' order, one for each. */
    interface Writer<T, R> {
        List<Outcome<R>> write(List<T> group);
    }

    /** An item's outcome: its result, or the failure its caller is to see. */
    record Outcome<R>(R result, RuntimeException failure) {

        static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }

        R get() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    private static final class Slot<T, R> {
        final T item;
        Outcome<R> outcome;

        Slot(T item) {
            this.item = item;
        }
    }

    private final int maxGroup;
    private final Function<T, Set<?>> keys;
    private final Writer<T, R> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedList<Slot<T, R>> waiting = new LinkedList<>();
    private boolean writing;

    /**
     * @param maxGroup the most items written in one transaction
     * @param keys     an item's keys: items sharing one are never in the same group
     * @param writer   writes a group in one transaction
     */
    GroupCommit(int maxGroup, Function<T, Set<?>> keys, Writer<T, R> writer) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.maxGroup = maxGroup;
        this.keys = keys;
        this.writer = writer;
    }

    /** Writes the item (in a group with others waiting at the same time) and answers its outcome. */
    R submit(T item) {
        Slot<T, R> own = new Slot<>(item);
        lock.lock();
        try {
            waiting.addLast(own);
            while (own.outcome == null && writing) {
                changed.awaitUninterruptibly();
            }
            if (own.outcome != null) {
                return own.outcome.get();
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        try {
            while (own.outcome == null) {
                List<Slot<T, R>> group = takeGroup();
                List<Outcome<R>> outcomes;
                try {
                    outcomes = writeGroup(group);
                } catch (Error e) {
                    // Nobody of the group may be left waiting for an outcome that will never come.
                    RuntimeException failure = new IllegalStateException("The group's write failed", e);
                    outcomes = group.stream().map(s -> Outcome.<R>failed(failure)).toList();
                }
                lock.lock();
                try {
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).outcome = outcomes.get(i);
                    }
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            lock.lock();
            try {
                writing = false;
                // A waiting caller whose item was not written yet becomes the writer.
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return own.outcome.get();
    }

    /** The waiting items in arrival order, up to {@code maxGroup}, leaving any that shares a key with one taken. */
    private List<Slot<T, R>> takeGroup() {
        lock.lock();
        try {
            List<Slot<T, R>> group = new ArrayList<>(Math.min(maxGroup, waiting.size()));
            Set<Object> taken = new HashSet<>();
            Iterator<Slot<T, R>> it = waiting.iterator();
            while (it.hasNext() && group.size() < maxGroup) {
                Slot<T, R> slot = it.next();
                Set<?> itemKeys = keys.apply(slot.item);
                boolean clash = false;
                for (Object key : itemKeys) {
                    clash |= taken.contains(key);
                }
                // A later item with a key in common with a left one stays behind it too, keeping their order.
                taken.addAll(itemKeys);
                if (!clash) {
                    group.add(slot);
                    it.remove();
                }
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    private List<Outcome<R>> writeGroup(List<Slot<T, R>> group) {
        List<T> items = group.stream().map(s -> s.item).toList();
        try {
            List<Outcome<R>> outcomes = writer.write(items);
            if (outcomes.size() != items.size()) {
                throw new IllegalStateException("The writer answered " + outcomes.size() + " outcomes for "
                        + items.size() + " items");
            }
            return outcomes;
        } catch (RuntimeException e) {
            if (items.size() == 1) {
                return List.of(Outcome.failed(e));
            }
            // One item may have spoiled the group: each is written on its own, so that only its own caller fails.
            List<Outcome<R>> outcomes = new ArrayList<>(items.size());
            for (T item : items) {
                outcomes.add(writeAlone(item));
            }
            return outcomes;
        }
    }

    private Outcome<R> writeAlone(T item) {
        try {
            return writer.write(List.of(item)).get(0);
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }
}
