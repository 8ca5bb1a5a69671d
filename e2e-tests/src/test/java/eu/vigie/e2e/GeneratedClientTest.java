package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.api.cases.api.CasesApi;
import eu.vigie.api.cases.model.CaseView;
import eu.vigie.api.ingest.api.ReferralsApi;
import eu.vigie.api.ingest.client.ApiException;
import eu.vigie.api.ingest.model.ContentType;
import eu.vigie.api.ingest.model.Referral;
import eu.vigie.api.ingest.model.ReferralRequest;
import eu.vigie.local.Suite;

/**
 * The Java clients generated from the services' stored OpenAPI documents (module api-contract) drive the
 * real suite: a GB referrer submits a text referral with the generated ingest client, reads it back, and
 * reads the case it became with the generated case client. A change to either contract that these calls
 * depend on breaks the build of this test, or fails it here.
 */
@ExtendWith(SuiteExtension.class)
class GeneratedClientTest {

    static Suite suite;
    static Vigie vigie;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
    }

    static eu.vigie.api.ingest.client.ApiClient ingest(String token) {
        eu.vigie.api.ingest.client.ApiClient client = new eu.vigie.api.ingest.client.ApiClient();
        client.updateBaseUri(suite.service("ingest-service").baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    static eu.vigie.api.cases.client.ApiClient cases(String token) {
        eu.vigie.api.cases.client.ApiClient client = new eu.vigie.api.cases.client.ApiClient();
        client.updateBaseUri(suite.service("case-service").baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aReferralSubmittedWithTheGeneratedClientBecomesACaseReadWithTheGeneratedClient() throws Exception {
        String referrer = vigie.user("gb", "gb-referrer");
        ReferralsApi referrals = new ReferralsApi(ingest(referrer));
        String url = "https://video.example/generated-client/" + UUID.randomUUID();

        Referral submitted = referrals.referralResourceSubmit(new ReferralRequest()
                .url(url)
                .contentType(ContentType.TEXT)
                .text("Generated client end-to-end test: join the attack and kill them all")
                .language("en"), null);
        assertNotNull(submitted.getId());
        assertEquals(url, submitted.getUrl());

        Referral read = referrals.referralResourceGet(submitted.getId().toString());
        assertEquals(submitted.getId(), read.getId());
        assertEquals(url, read.getUrl());

        UUID caseId = await().atMost(Vigie.HOP).pollInterval(Duration.ofMillis(500))
                .until(() -> referrals.referralResourceGet(submitted.getId().toString()).getCaseId(), id -> id != null);

        // The owner's officers get the full case (a deconfliction view has the same first fields).
        CaseView found = new CasesApi(cases(referrer)).caseResourceGet(caseId).getCaseView();
        assertEquals(caseId, found.getId());
        assertEquals("GB", found.getOwnerJurisdiction());
    }

    @Test
    void theGeneratedClientSurfacesTheProblemOfARefusedCall() {
        // A French officer's token may not read a GB referral: the generated client raises the 4xx, not a body.
        String referrer = vigie.user("gb", "gb-referrer");
        String url = "https://video.example/generated-client/" + UUID.randomUUID();
        Referral submitted;
        try {
            submitted = new ReferralsApi(ingest(referrer)).referralResourceSubmit(new ReferralRequest().url(url)
                    .contentType(ContentType.TEXT).text("Generated client refusal test").language("en"), null);
        } catch (ApiException e) {
            throw new AssertionError("submission refused: " + e.getCode() + " " + e.getResponseBody(), e);
        }
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> new ReferralsApi(ingest(vigie.user("fr", "fr-referrer"))).referralResourceGet(
                        submitted.getId().toString()));
        assertTrue(refused.getCode() == 403 || refused.getCode() == 404, "status " + refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"status\""), refused.getResponseBody());
    }
}
