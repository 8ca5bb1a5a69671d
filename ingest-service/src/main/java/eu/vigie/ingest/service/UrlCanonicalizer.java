package eu.vigie.ingest.service;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import eu.vigie.ingest.config.IngestConfig;

/**
 * Turns a submitted URL into the canonical form by which referrals of the same content are
 * recognised, whoever submitted them and however they wrote the URL:
 * <ul>
 * <li>only absolute {@code http} and {@code https} URLs with a host; user information is refused;</li>
 * <li>scheme and host in lower case, internationalised host names in punycode ({@link IDN}), a
 * trailing dot of the host dropped;</li>
 * <li>the scheme's default port (80, 443) dropped, other ports without leading zeros;</li>
 * <li>percent-encoding normalised: escapes of unreserved characters decoded, other escapes in
 * upper-case hex, characters that may not appear raw (spaces, non-ASCII, ...) encoded as UTF-8,
 * a stray {@code %} encoded as {@code %25};</li>
 * <li>dot segments removed (RFC 3986, 5.2.4) and an empty path made {@code /};</li>
 * <li>tracking parameters removed ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code si} and
 * those configured in {@code vigie.ingest.tracking-parameters}), empty parameters dropped, the
 * others sorted by name then value;</li>
 * <li>the fragment dropped.</li>
 * </ul>
 */
@ApplicationScoped
public class UrlCanonicalizer {

    /** Tracking parameters always removed; a trailing {@code *} matches a prefix. */
    public static final List<String> BUILT_IN_TRACKING_PARAMETERS = List.of("utm_*", "fbclid", "gclid", "si");

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_\\-]*[a-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final String UNRESERVED_PUNCT = "-._~";
    private static final String PATH_ALLOWED = "!$&'()*+,;=:@/";
    private static final String QUERY_ALLOWED = "!$'()*+,;:@/?=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Set<String> exactTracking = new HashSet<>();
    private final List<String> prefixTracking = new ArrayList<>();

    @Inject
    public UrlCanonicalizer(IngestConfig config) {
        this(config.trackingParameters().orElse(List.of()));
    }

    /** A canonicaliser removing the built-in tracking parameters and these ones. */
    public UrlCanonicalizer(Collection<String> extraTrackingParameters) {
        List<String> all = new ArrayList<>(BUILT_IN_TRACKING_PARAMETERS);
        all.addAll(extraTrackingParameters);
        for (String parameter : all) {
            String p = parameter.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.endsWith("*")) {
                prefixTracking.add(p.substring(0, p.length() - 1));
            } else {
                exactTracking.add(p);
            }
        }
    }

    /**
     * The canonical form of a URL.
     *
     * @throws InvalidUrlException if it is not an absolute http(s) URL with a valid host, or has user information
     */
    public String canonicalize(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidUrlException("is required");
        }
        String url = input.strip();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidUrlException("must not contain control characters");
            }
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.matches()) {
            throw new InvalidUrlException("must be an absolute http or https URL");
        }
        String protocol = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new InvalidUrlException("must be an http or https URL");
        }
        String rest = scheme.group(2);
        if (!rest.startsWith("//")) {
            throw new InvalidUrlException("must be an absolute http or https URL");
        }
        rest = rest.substring(2);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash) : "";

        StringBuilder out = new StringBuilder(url.length() + 16);
        out.append(protocol).append("://").append(authority(authority, protocol));
        out.append(path(path));
        String canonicalQuery = query == null ? "" : query(query);
        if (!canonicalQuery.isEmpty()) {
            out.append('?').append(canonicalQuery);
        }
        return out.toString();
    }

    /** The canonical host of an already canonical URL (for platform identification). */
    public static String hostOf(String canonicalUrl) {
        int start = canonicalUrl.indexOf("://") + 3;
        int end = canonicalUrl.indexOf('/', start);
        String authority = canonicalUrl.substring(start, end < 0 ? canonicalUrl.length() : end);
        if (authority.startsWith("[")) {
            return authority.substring(0, authority.indexOf(']') + 1);
        }
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String authority(String authority, String protocol) {
        if (authority.indexOf('@') >= 0) {
            throw new InvalidUrlException("must not contain user information (user:password@)");
        }
        if (authority.indexOf('\\') >= 0) {
            throw new InvalidUrlException("has an invalid host name");
        }
        String host;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidUrlException("has an invalid IPv6 address");
            }
            host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
            if (!IPV6.matcher(host).matches()) {
                throw new InvalidUrlException("has an invalid IPv6 address");
            }
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new InvalidUrlException("has an invalid port");
                }
                port = after.substring(1);
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            port = colon >= 0 ? authority.substring(colon + 1) : "";
            host = hostName(host);
        }
        StringBuilder out = new StringBuilder(host);
        if (!port.isEmpty()) {
            if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
                throw new InvalidUrlException("has an invalid port");
            }
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw new InvalidUrlException("has an invalid port");
            }
            boolean isDefault = (protocol.equals("http") && number == 80) || (protocol.equals("https") && number == 443);
            if (!isDefault) {
                out.append(':').append(number);
            }
        }
        return out.toString();
    }

    private static String hostName(String raw) {
        String host;
        try {
            host = percentDecode(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("has an invalid host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new InvalidUrlException("must have a host");
        }
        try {
            host = IDN.toASCII(host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("has an invalid host name");
        }
        if (host.length() > 253) {
            throw new InvalidUrlException("has a host name longer than 253 characters");
        }
        for (String label : host.split("\\.", -1)) {
            if (label.length() > 63 || !LABEL.matcher(label).matches()) {
                throw new InvalidUrlException("has an invalid host name");
            }
        }
        return host;
    }

    private static String path(String raw) {
        String normalised = normalise(raw, PATH_ALLOWED);
        String path = removeDotSegments(normalised);
        return path.isEmpty() ? "/" : path;
    }

    private String query(String raw) {
        record Parameter(String name, String value) {
            String text() {
                return value == null ? name : name + "=" + value;
            }
        }
        List<Parameter> kept = new ArrayList<>();
        for (String piece : raw.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = normalise(eq >= 0 ? piece.substring(0, eq) : piece, QUERY_ALLOWED.replace("=", ""));
            String value = eq >= 0 ? normalise(piece.substring(eq + 1), QUERY_ALLOWED) : null;
            if (name.isEmpty() || isTracking(name)) {
                continue;
            }
            kept.add(new Parameter(name, value));
        }
        kept.sort(Comparator.comparing(Parameter::name)
                .thenComparing(p -> p.value() == null ? "" : p.value())
                .thenComparing(p -> p.value() != null));
        StringBuilder out = new StringBuilder();
        for (Parameter p : kept) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(p.text());
        }
        return out.toString();
    }

    private boolean isTracking(String normalisedName) {
        String name;
        try {
            name = percentDecode(normalisedName.replace('+', ' ')).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            name = normalisedName.toLowerCase(Locale.ROOT);
        }
        if (exactTracking.contains(name)) {
            return true;
        }
        for (String prefix : prefixTracking) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Normalises percent-encoding: decodes escapes of unreserved characters, upper-cases the hex of
     * the others, encodes (as UTF-8) what may not appear raw, and a {@code %} that starts no escape.
     */
    static String normalise(String raw, String allowedPunctuation) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                    int value = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
                    if (isUnreserved((char) value)) {
                        out.append((char) value);
                    } else {
                        appendEscape(out, value);
                    }
                    i += 3;
                } else {
                    out.append("%25");
                    i++;
                }
                continue;
            }
            int codePoint = raw.codePointAt(i);
            if (codePoint < 0x80 && (isUnreserved((char) codePoint) || allowedPunctuation.indexOf(codePoint) >= 0)) {
                out.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xff);
                }
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** RFC 3986, section 5.2.4. */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return path;
        }
        Deque<String> output = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        // segments[0] is "" for an absolute path
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    output.addLast("");
                }
            } else if (segment.equals("..")) {
                if (!output.isEmpty()) {
                    output.removeLast();
                }
                if (last) {
                    output.addLast("");
                }
            } else {
                output.addLast(segment);
            }
        }
        return "/" + String.join("/", output);
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || UNRESERVED_PUNCT.indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static void appendEscape(StringBuilder out, int value) {
        out.append('%').append(HEX[(value >> 4) & 0xf]).append(HEX[value & 0xf]);
    }
}
