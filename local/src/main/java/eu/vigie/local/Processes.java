package eu.vigie.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers for child processes: waiting for readiness, and stopping a process with all it started. */
final class Processes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Processes() {
    }

    /** Waits until {@code url} answers 200, failing early if the process dies. */
    static void awaitOk(String what, String url, Process process, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + process.exitValue() + " before it was ready");
            }
            if (ok(url)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(what + " was not ready at " + url + " within " + timeout.toSeconds() + " s");
    }

    static boolean ok(String url) {
        return status(url) == 200;
    }

    /** The HTTP status {@code url} answers a GET with, or -1 when nothing answers. */
    static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(end)) {
            Thread.sleep(100);
        }
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM), then kills what is left after the grace period.
     * True when the process ended by itself within the grace period.
     */
    static boolean stop(Process process, Duration grace) {
        if (process == null) {
            return false;
        }
        boolean ended = false;
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            ended = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return ended;
    }

    /** Kills the process and its descendants at once (SIGKILL), as a crash would. */
    static void kill(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
