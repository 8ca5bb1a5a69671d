package eu.vigie.notify.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import eu.vigie.common.problem.Problem;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.ShortLink;
import eu.vigie.notify.rest.PlatformShortLink;

/**
 * Checks a platform's short-link forms before they are stored, so that ingest-service can apply them
 * as they are: the host is one of the platform's hostnames; the pattern is a Java regular expression
 * of at most 200 characters that compiles; the canonical form is an http(s) URL template on one of
 * the platform's hostnames whose {@code {1}}..{@code {9}} name groups the pattern has. Anything else
 * is a 422 problem naming every wrong field.
 */
final class ShortLinkRules {

    static final int MAX_PATTERN = 200;
    static final int MAX_CANONICAL = 2000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([0-9]+)\\}");

    private ShortLinkRules() {
    }

    /** The short links as stored, hosts in lower case; throws a 422 problem listing what is wrong. */
    static List<ShortLink> check(List<PlatformShortLink> links, Set<String> hostnames) {
        if (links == null) {
            return List.of();
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<ShortLink> checked = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            String field = "shortLinks[" + i + "]";
            PlatformShortLink link = links.get(i);
            if (link == null) {
                violations.add(new Problem.Violation(field, "must be an object with host, pattern and canonical"));
                continue;
            }
            int before = violations.size();
            String host = link.host() == null ? null : link.host().strip().toLowerCase(Locale.ROOT);
            if (host == null || host.isEmpty()) {
                violations.add(new Problem.Violation(field + ".host", "is required"));
            } else if (!hostnames.contains(host)) {
                violations.add(new Problem.Violation(field + ".host", "must be one of the platform's hostnames"));
            }
            int groups = -1;
            if (link.pattern() == null || link.pattern().isEmpty()) {
                violations.add(new Problem.Violation(field + ".pattern", "is required"));
            } else if (link.pattern().length() > MAX_PATTERN) {
                violations.add(new Problem.Violation(field + ".pattern", "must be at most " + MAX_PATTERN + " characters"));
            } else {
                try {
                    groups = Pattern.compile(link.pattern()).matcher("").groupCount();
                } catch (PatternSyntaxException e) {
                    violations.add(new Problem.Violation(field + ".pattern",
                            "is not a valid Java regular expression: " + e.getDescription()));
                }
            }
            canonicalViolation(link.canonical(), hostnames, groups)
                    .ifPresent(message -> violations.add(new Problem.Violation(field + ".canonical", message)));
            if (violations.size() == before) {
                checked.add(new ShortLink(host, link.pattern(), link.canonical()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "invalid-short-links", "Invalid short links",
                    violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b)
                            .orElseThrow(), violations);
        }
        return checked;
    }

    /**
     * What is wrong with a canonical template, if anything. {@code groups} is the pattern's group
     * count, or -1 when the pattern itself is wrong (placeholders are then not compared with it).
     */
    static java.util.Optional<String> canonicalViolation(String canonical, Set<String> hostnames, int groups) {
        if (canonical == null || canonical.isEmpty()) {
            return java.util.Optional.of("is required");
        }
        if (canonical.length() > MAX_CANONICAL) {
            return java.util.Optional.of("must be at most " + MAX_CANONICAL + " characters");
        }
        Matcher placeholders = PLACEHOLDER.matcher(canonical);
        StringBuilder sample = new StringBuilder();
        while (placeholders.find()) {
            int group;
            try {
                group = Integer.parseInt(placeholders.group(1));
            } catch (NumberFormatException e) {
                group = Integer.MAX_VALUE;
            }
            if (group < 1 || group > 9) {
                return java.util.Optional.of("may refer only to groups {1} to {9}");
            }
            if (groups >= 0 && group > groups) {
                return java.util.Optional.of("refers to group {" + group + "} but the pattern has "
                        + (groups == 0 ? "no group" : groups == 1 ? "one group" : groups + " groups"));
            }
            placeholders.appendReplacement(sample, "x");
        }
        placeholders.appendTail(sample);
        if (sample.indexOf("{") >= 0 || sample.indexOf("}") >= 0) {
            return java.util.Optional.of("may hold braces only as {1} to {9}");
        }
        URI uri;
        try {
            uri = new URI(sample.toString());
        } catch (URISyntaxException e) {
            return java.util.Optional.of("is not a valid URL template");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return java.util.Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return java.util.Optional.of("must name a host and carry no user information");
        }
        if (!hostnames.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return java.util.Optional.of("must be a URL on one of the platform's hostnames");
        }
        return java.util.Optional.empty();
    }
}
