package eu.vigie.notify.service;

/** Standard Webhooks verification for tests outside this package. */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static boolean verify(String header, String id, String timestamp, String body, String secret) {
        return WebhookDeliveryHandlerTest.verifies(header, id, timestamp, body, secret);
    }
}
