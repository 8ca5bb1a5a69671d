package eu.vigie.cases.client;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.vigie.cases.NotifyServiceMock;
import eu.vigie.common.client.OutsideTransactionInterceptor.CalledInsideTransactionException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A neighbour is never called while a transaction is active: the call would hold the transaction's locks for as
 * long as the neighbour takes, and a time-out would break the transaction's rollback.
 */
@QuarkusTest
class NeighbourCallsOutsideTransactionTest {

    @Inject
    NotifyClient notify;

    @Test
    void aNeighbourCalledInsideATransactionIsRefusedBeforeAnythingIsSent() {
        String platformId = "guard-" + UUID.randomUUID();
        NotifyServiceMock.platform(platformId, "GB", true);

        CalledInsideTransactionException refused = QuarkusTransaction.requiringNew().call(
                () -> assertThrows(CalledInsideTransactionException.class, () -> notify.platform(platformId)));

        assertTrue(refused.getMessage().contains("NotifyClient.platform"), refused.getMessage());
        NotifyServiceMock.server().verify(0, getRequestedFor(urlEqualTo("/api/v1/platforms/" + platformId)));
    }

    @Test
    void theSameCallOutsideATransactionReachesTheNeighbour() {
        String platformId = "guard-" + UUID.randomUUID();
        NotifyServiceMock.platform(platformId, "GB", true);

        assertEquals("GB", notify.platform(platformId).orElseThrow().homeJurisdiction());

        NotifyServiceMock.server().verify(1, getRequestedFor(urlEqualTo("/api/v1/platforms/" + platformId)));
    }
}
