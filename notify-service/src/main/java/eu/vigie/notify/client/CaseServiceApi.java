package eu.vigie.notify.client;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** case-service's internal endpoints that notify-service calls, with the service's own token. */
@RegisterRestClient(configKey = "case-service")
@OidcClientFilter
@Path("/api/v1/removal-orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface CaseServiceApi {

    @POST
    @Path("/{id}/delivery-events")
    void deliveryEvent(@PathParam("id") UUID removalOrderId, DeliveryEventRequest event);

    @POST
    @Path("/{id}/feedback")
    JsonNode feedback(@PathParam("id") UUID removalOrderId, FeedbackForwardRequest feedback);

    @POST
    @Path("/{id}/scrutiny-requests")
    JsonNode scrutinyRequest(@PathParam("id") UUID removalOrderId, ScrutinyForwardRequest request);
}
