package eu.vigie.cases.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Puts the signed-in officer's access token (from the console's authorization-code session) in the
 * Authorization header of calls to ingest-service's public API. Without a signed-in officer no
 * header is sent, and ingest-service answers 401.
 */
@ApplicationScoped
public class SignedInUserToken implements ClientHeadersFactory {

    private final Instance<SecurityIdentity> identity;

    public SignedInUserToken(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        SecurityIdentity current = identity.get();
        if (current != null && !current.isAnonymous()) {
            AccessTokenCredential token = current.getCredential(AccessTokenCredential.class);
            if (token != null && token.getToken() != null) {
                headers.putSingle("Authorization", "Bearer " + token.getToken());
            }
        }
        return headers;
    }
}
