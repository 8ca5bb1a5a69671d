package eu.vigie.notify.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.notify.Platform;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PlatformRepository implements PanacheRepositoryBase<Platform, String> {

    public List<Platform> listAllOrdered() {
        return list("order by id");
    }

    /**
     * The platform serving a hostname: registered for the host itself or for a parent domain
     * ({@code m.video.example} is served by the platform registered for {@code video.example}).
     * The most specific registration wins.
     */
    public Optional<Platform> findByHostname(String hostname) {
        for (String candidate : selfAndParents(hostname)) {
            Optional<Platform> found = find("select p from Platform p join p.hostnames h where h = ?1", candidate)
                    .firstResultOptional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Which platform, other than {@code exceptId}, already claims one of these hostnames. */
    public Optional<String> ownerOfAny(Iterable<String> hostnames, String exceptId) {
        for (String hostname : hostnames) {
            Optional<Platform> owner = find("select p from Platform p join p.hostnames h where h = ?1", hostname)
                    .firstResultOptional();
            if (owner.isPresent() && !owner.get().id.equals(exceptId)) {
                return Optional.of(hostname + " (" + owner.get().id + ")");
            }
        }
        return Optional.empty();
    }

    static List<String> selfAndParents(String hostname) {
        List<String> candidates = new ArrayList<>();
        String host = hostname.toLowerCase(java.util.Locale.ROOT);
        while (host.contains(".")) {
            candidates.add(host);
            host = host.substring(host.indexOf('.') + 1);
        }
        return candidates;
    }
}
