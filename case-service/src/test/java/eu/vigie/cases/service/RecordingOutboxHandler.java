package eu.vigie.cases.service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;

/**
 * A test topic's handler: records each payload as it is delivered, fails the first attempt of the
 * payloads it is told to, and takes a moment over each, so that messages relayed side by side would
 * show as overlapping.
 */
@ApplicationScoped
public class RecordingOutboxHandler implements OutboxHandler {

    public static final String TOPIC = "test.recorded";

    /** Payloads in the order their successful delivery started. */
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) throws Exception {
        String payload = message.payload;
        String key = message.aggregateKey;
        if (!inFlight.add(key)) {
            overlaps.add(payload);
        }
        try {
            if (failOnce.remove(payload)) {
                throw new IllegalStateException("first attempt of " + payload + " refused by the test");
            }
            delivered.add(payload);
            Thread.sleep(50);
        } finally {
            inFlight.remove(key);
        }
    }

    public void failFirstAttemptOf(String payload) {
        failOnce.add(payload);
    }

    public List<String> delivered() {
        return delivered;
    }

    /** Payloads whose delivery started while another message of the same key was in flight. */
    public List<String> overlaps() {
        return overlaps;
    }
}
