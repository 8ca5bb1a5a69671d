package eu.vigie.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Where each part of the local suite listens. */
public record SuitePorts(int postgres, int keycloak, int keycloakManagement, int ingestService, int classifyService, int caseService,
        int notifyService, int demoPlatform) {

    /** DESIGN.md's ports for the services; Keycloak on 8180, PostgreSQL on 15432, the demo platform on 8090. */
    public static SuitePorts defaults() {
        return new SuitePorts(15432, 8180, 9180, 8081, 8082, 8083, 8084, 8090);
    }

    /** Free ports chosen by the system, for tests that must not collide with a running suite. */
    public static SuitePorts free() {
        return new SuitePorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
