package eu.vigie.notify.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

/**
 * The resolver in tests: real DNS, except for the names a test points somewhere itself, as a
 * platform's DNS server could re-point them at any moment (DNS rebinding).
 */
@Mock
@ApplicationScoped
public class TestHostResolver extends HostResolver {

    private static final Map<String, InetAddress[]> POINTED = new ConcurrentHashMap<>();

    /** From now on, this name resolves to these addresses (IP literals). */
    public static void point(String name, String... addresses) {
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            try {
                resolved[i] = InetAddress.getByName(addresses[i]);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(addresses[i] + " is not an IP literal", e);
            }
        }
        POINTED.put(name, resolved);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] pointed = POINTED.get(host);
        return pointed != null ? pointed.clone() : super.resolve(host);
    }
}
