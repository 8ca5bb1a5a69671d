package eu.vigie.cases.service;

import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.confirmedGbCaseOn;
import static eu.vigie.cases.Fixtures.deliveryEvent;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.platform;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.vigie.cases.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** vigie.case.compliance-period shortened as the end-to-end suite does: the deadline is receipt + that period. */
@QuarkusTest
@TestProfile(ShortCompliancePeriodTest.ThirtySeconds.class)
class ShortCompliancePeriodTest {

    public static class ThirtySeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.case.compliance-period", "PT30S");
        }
    }

    @Inject
    OverdueCheck watch;

    @AfterEach
    void restore() {
        TestClock.reset();
    }

    @Test
    void theDeadlineIsReceiptPlusTheConfiguredPeriod() {
        String orderId = issue(GB_ISSUER, confirmedGbCaseOn(platform("GB", true)), "{}").statusCode(201)
                .extract().path("id");
        Instant receipt = TestClock.current().truncatedTo(ChronoUnit.MILLIS);
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", receipt).statusCode(200);
        String deadline = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).extract().path("deadlineAt");
        assertEquals(receipt.plusSeconds(30), Instant.parse(deadline));

        TestClock.advance(Duration.ofSeconds(20));
        watch.run();
        assertEquals("RECEIVED", status(orderId));
        TestClock.advance(Duration.ofSeconds(11));
        watch.run();
        assertEquals("OVERDUE", status(orderId));
    }

    private static String status(String orderId) {
        return given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).extract().path("status");
    }
}
