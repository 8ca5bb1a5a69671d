package eu.vigie.notify.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves a webhook's host name, once per check: the addresses it answers are the ones checked
 * against the target policy and the one connected to, so a name cannot be re-pointed between the
 * check and the connection (DNS rebinding).
 */
@ApplicationScoped
public class HostResolver {

    /** Every address the name resolves to now (an IP literal resolves to itself). */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
