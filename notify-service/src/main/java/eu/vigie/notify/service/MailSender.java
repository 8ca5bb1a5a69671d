package eu.vigie.notify.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.notify.config.NotifyConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Hands e-mails to the SMTP server configured by the standard {@code quarkus.mailer.*} keys, with a
 * bound on how long it may take ({@code vigie.notify.mail-timeout}); says what happened instead of
 * throwing, so that every attempt can be recorded.
 */
@ApplicationScoped
public class MailSender {

    /** What one hand-over gave: null error when the server accepted the message. */
    public record Outcome(String error, Instant completedAt, long latencyMs) {

        public boolean success() {
            return error == null;
        }
    }

    private final ReactiveMailer mailer;
    private final Duration timeout;

    public MailSender(ReactiveMailer mailer, NotifyConfig config) {
        this.mailer = mailer;
        this.timeout = config.mailTimeout();
    }

    /** Sends a plain-text e-mail carrying the given Message-ID. */
    public Outcome send(String to, String subject, String text, String messageId) {
        Mail mail = Mail.withText(to, subject, text).addHeader("Message-ID", messageId);
        long start = System.nanoTime();
        try {
            mailer.send(mail).await().atMost(timeout);
            return new Outcome(null, Times.now(), elapsed(start));
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return new Outcome("timed out after " + timeout.toMillis() + " ms", Times.now(), elapsed(start));
        } catch (RuntimeException e) {
            return new Outcome("SMTP: " + describe(e), Times.now(), elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String describe(Throwable e) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && !parts.contains(t.getMessage())) {
                parts.add(t.getMessage());
            }
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }
}
