package eu.vigie.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.StartupEvent;

class DatabaseReadinessTest {

    /** What the stand-in database does when asked for a connection. */
    private enum Database { ANSWERS, REFUSES, INVALID, HANGS }

    private final AtomicReference<Database> database = new AtomicReference<>(Database.ANSWERS);
    private final AtomicLong now = new AtomicLong();
    private final CountDownLatch release = new CountDownLatch(1);
    private final DatabaseReadiness readiness = new DatabaseReadiness(dataSource(), now::get);

    @Test
    void notReadyBeforeTheFirstProbe() {
        assertDown("not probed yet");
    }

    @Test
    void readyAsSoonAsTheServiceHasStartedWithoutWaitingForTheScheduledProbe() {
        readiness.probeOnStart(new StartupEvent());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }

    @Test
    void notReadyFromTheStartWhenTheDatabaseIsAwayAsTheServiceStarts() {
        database.set(Database.REFUSES);
        readiness.probeOnStart(new StartupEvent());
        assertDown("Connection to localhost:5432 refused");
    }

    @Test
    void readyWhileTheDatabaseAnswersAndNotReadyFromTheFirstFailedProbe() {
        readiness.probe();
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());

        database.set(Database.REFUSES);
        readiness.probe();
        assertDown("Connection to localhost:5432 refused");

        database.set(Database.INVALID);
        readiness.probe();
        assertDown("did not answer a validation");

        database.set(Database.ANSWERS);
        readiness.probe();
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }

    @Test
    void aProbeThatNeverEndsMakesTheServiceUnreadyWithoutMakingTheAnswerWait() throws Exception {
        readiness.probe();
        database.set(Database.HANGS);
        Thread stuck = new Thread(readiness::probe);
        stuck.start();
        try {
            now.addAndGet(DatabaseReadiness.STALE_AFTER.toNanos());
            assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus(), "still within the grace period");

            now.addAndGet(Duration.ofSeconds(1).toNanos());
            long asked = System.nanoTime();
            assertDown("no answer for 6 s");
            assertTrue(System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(1), "the answer waited for the probe");
        } finally {
            release.countDown();
            stuck.join(5_000);
        }
    }

    private void assertDown(String reason) {
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        String data = String.valueOf(response.getData().orElseThrow().get("database"));
        assertTrue(data.contains(reason), data);
    }

    private DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    switch (database.get()) {
                        case REFUSES -> throw new SQLException("Connection to localhost:5432 refused.");
                        case HANGS -> release.await();
                        default -> { }
                    }
                    return connection(database.get() != Database.INVALID);
                });
    }

    private static Connection connection(boolean valid) {
        return (Connection) Proxy.newProxyInstance(DatabaseReadinessTest.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> valid;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
