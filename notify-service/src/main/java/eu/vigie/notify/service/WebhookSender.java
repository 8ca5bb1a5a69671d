package eu.vigie.notify.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import eu.vigie.notify.config.NotifyConfig;

/**
 * POSTs a Standard Webhooks request to a platform over HTTP/1.1, connected to the address the target
 * policy checked (never resolving the name again, so DNS cannot be re-pointed between the check and
 * the connection), while the {@code Host} header, the TLS server name (SNI) and the certificate's
 * hostname verification use the URL's own host name. No redirect is followed (only the status line is
 * read), and the whole exchange, connection included, has one deadline.
 */
@ApplicationScoped
public class WebhookSender {

    /** What one attempt gave: the HTTP status, or why there was none; when it ended; how long it took. */
    public record Outcome(Integer statusCode, String error, Instant completedAt, long latencyMs) {

        public boolean success() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public String describe() {
            return error != null ? error : "HTTP " + statusCode;
        }
    }

    /** The longest status line read; a platform cannot make the worker read more. */
    private static final int MAX_STATUS_LINE = 8192;

    private final Duration timeout;
    private final SSLContext tls;

    @Inject
    public WebhookSender(NotifyConfig config) {
        this(config.webhookTimeout(), defaultTls());
    }

    /** A sender with its own TLS trust (tests trust their own certificate authority this way). */
    WebhookSender(Duration timeout, SSLContext tls) {
        this.timeout = timeout;
        this.tls = tls;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /** Sends the signed body to a checked target: to its pinned address, in the name of its host. */
    public Outcome post(WebhookTargetPolicy.CheckedTarget target, String webhookId, long timestamp, String signature,
            String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Vigie-notify/1.0 (Standard Webhooks)");
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        URI uri = target.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = WebhookTargetPolicy.hostOf(uri);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.address(), port), remainingMillis(deadline));
            Socket socket = https ? secure(plain, host, port, deadline) : plain;
            try {
                socket.setSoTimeout(remainingMillis(deadline));
                OutputStream out = socket.getOutputStream();
                out.write(requestHead(uri, host, port, https, headers, payload.length));
                out.write(payload);
                out.flush();
                int status = readStatus(socket, deadline);
                return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status, Times.now(),
                        elapsed(start));
            } finally {
                if (socket != plain) {
                    socket.close();
                }
            }
        } catch (SocketTimeoutException | DeadlineException e) {
            return new Outcome(null, "timed out after " + timeout.toMillis() + " ms", Times.now(), elapsed(start));
        } catch (MalformedResponseException e) {
            return new Outcome(null, "invalid response: " + e.getMessage(), Times.now(), elapsed(start));
        } catch (IOException e) {
            return new Outcome(null, "connection failed: " + describe(e), Times.now(), elapsed(start));
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "request refused: " + describe(e), Times.now(), elapsed(start));
        }
    }

    /** An attempt that never reached the network (the target was refused). */
    public static Outcome refused(String reason, Instant at) {
        return new Outcome(null, reason, at, 0);
    }

    /** TLS over the pinned connection: SNI and hostname verification for the URL's host, not the address. */
    private Socket secure(Socket plain, String host, int port, long deadline) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        parameters.setApplicationProtocols(new String[] { "http/1.1" });
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(remainingMillis(deadline));
        socket.startHandshake();
        return socket;
    }

    static byte[] requestHead(URI uri, String host, int port, boolean https, Map<String, String> headers,
            int contentLength) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String hostHeader = host.contains(":") ? "[" + host + "]" : host;
        if (port != (https ? 443 : 80)) {
            hostHeader += ":" + port;
        }
        StringBuilder head = new StringBuilder(512);
        head.append("POST ").append(path).append(" HTTP/1.1\r\n");
        head.append("host: ").append(hostHeader).append("\r\n");
        headers.forEach((name, value) -> {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " holds a line break");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("content-length: ").append(contentLength).append("\r\n");
        head.append("connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the status line ({@code HTTP/1.x NNN reason}), skipping interim 1xx answers' lines. */
    private static int readStatus(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        while (true) {
            String line = readLine(socket, in, deadline);
            if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
                throw new MalformedResponseException("not an HTTP/1.x status line");
            }
            int status;
            try {
                status = Integer.parseInt(line.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("no status code");
            }
            if (status < 100 || status > 599) {
                throw new MalformedResponseException("status code " + status + " out of range");
            }
            if (status >= 200) {
                return status;
            }
            // An interim answer (100 Continue, 103 Early Hints): skip its headers, the final status follows.
            while (!readLine(socket, in, deadline).isEmpty()) {
                // header of the interim answer
            }
        }
    }

    private static String readLine(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b == -1) {
                throw new MalformedResponseException("the connection closed before a status line");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_STATUS_LINE) {
                throw new MalformedResponseException("a line longer than " + MAX_STATUS_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static int remainingMillis(long deadline) throws DeadlineException {
        long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remaining <= 0) {
            throw new DeadlineException();
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String describe(Throwable e) {
        List<String> parts = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && !parts.contains(t.getMessage())) {
                parts.add(t.getMessage());
            }
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }

    /** The exchange's deadline passed between two reads. */
    private static final class DeadlineException extends IOException {
        DeadlineException() {
            super(null, null);
        }
    }

    /** The platform answered something that is not HTTP/1.x. */
    private static final class MalformedResponseException extends IOException {
        MalformedResponseException(String message) {
            super(message);
        }
    }
}
