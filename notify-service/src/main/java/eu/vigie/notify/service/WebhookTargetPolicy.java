package eu.vigie.notify.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.config.NotifyConfig;

/**
 * Refuses webhook URLs that point at loopback, private, link-local, unique-local or cloud metadata
 * addresses, so that the registry cannot be used to reach inside the deployment, unless the
 * deployment allow-lists the host or range ({@code vigie.notify.webhook-allow-list}). Checked at
 * registration and again before every delivery, against every address the name resolves to; a
 * delivery then connects to the address checked, never resolving the name a second time.
 */
@ApplicationScoped
public class WebhookTargetPolicy {

    private final List<String> allowList;
    private final HostResolver resolver;

    public WebhookTargetPolicy(NotifyConfig config, HostResolver resolver) {
        this.resolver = resolver;
        this.allowList = config.webhookAllowList().orElse(List.of()).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * A webhook target that passed the policy: the URL, and the address its host resolved to when it
     * was checked, which is the one to connect to.
     */
    public record CheckedTarget(URI uri, InetAddress address) {
    }

    /** Validates a webhook URL's form and target; throws a 400 problem naming what is wrong. */
    public URI check(String url) {
        return resolve(url).uri();
    }

    /**
     * Validates a webhook URL, resolves its host once and checks every address it resolves to; the
     * first address is returned to be connected to (pinned), so the HTTP exchange cannot reach an
     * address that was not checked. Throws a 400 problem naming what is wrong.
     */
    public CheckedTarget resolve(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw ProblemException.invalidField("webhookUrl", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ProblemException.invalidField("webhookUrl", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw ProblemException.invalidField("webhookUrl", "must name a host and carry no user information");
        }
        String host = hostOf(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw ProblemException.invalidField("webhookUrl", "names a host that does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw ProblemException.invalidField("webhookUrl", "names a host that does not resolve");
        }
        if (!allowList.contains(host)) {
            for (InetAddress address : addresses) {
                if (isInternal(address) && !allowed(address)) {
                    throw ProblemException.invalidField("webhookUrl",
                            "points at a loopback, private, link-local or metadata address, which is refused");
                }
            }
        }
        return new CheckedTarget(uri, addresses[0]);
    }

    /** The URL's host in lower case, without the brackets of an IPv6 literal. */
    static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 127 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 169 && second == 254) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 224;
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) == 0xfc // unique local fc00::/7
                    || isMappedInternal(b);
        }
        return false;
    }

    private static boolean isMappedInternal(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return false;
        }
        try {
            return isInternal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private boolean allowed(InetAddress address) {
        for (String entry : allowList) {
            if (entry.contains("/") ? inRange(address, entry) : entry.equals(address.getHostAddress())) {
                return true;
            }
        }
        return false;
    }

    static boolean inRange(InetAddress address, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((network[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }
}
