package eu.vigie.cases.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.cases.service.OrderLifecycleService;
import eu.vigie.cases.service.RemovalOrderService;
import eu.vigie.cases.service.ScrutinyService;
import eu.vigie.cases.service.Views;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

@Path("/api/v1/removal-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Removal orders", description = "Annex I orders, their delivery, feedback, deadline and withdrawal")
@SecurityRequirement(name = "jwt")
public class RemovalOrderResource {

    private final RemovalOrderService orders;
    private final OrderLifecycleService lifecycle;
    private final Views views;
    private final Caller caller;
    private final ScrutinyService scrutiny;

    public RemovalOrderResource(RemovalOrderService orders, OrderLifecycleService lifecycle, Views views,
            Caller caller, ScrutinyService scrutiny) {
        this.scrutiny = scrutiny;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR, Roles.SCRUTINEER })
    @Operation(summary = "A removal order: Annex I fields, signature check, times, delivery events, feedback and "
            + "scrutiny (a scrutineer of the provider's home state reads the cross-border orders addressed there)")
    public RemovalOrderView get(@PathParam("id") UUID id) {
        return views.orderView(orders.get(id));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.ISSUER)
    @Operation(summary = "Withdraw an order that is issued, sent, received or suspended")
    public RemovalOrderView withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request) {
        return views.orderView(orders.withdraw(id, request));
    }

    @POST
    @Path("/{id}/resumption")
    @RolesAllowed(Roles.ISSUER)
    @Operation(summary = "End an Annex III suspension (obstacle ceased, clarification given): the clock resumes with "
            + "the time that was left")
    public RemovalOrderView resume(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request) {
        return views.orderView(orders.resume(id, request));
    }

    @POST
    @Path("/{id}/scrutiny")
    @RolesAllowed(Roles.SCRUTINEER)
    @Operation(summary = "The home authority's scrutiny of a cross-border order, within 72 hours of issue: UPHELD, or "
            + "REVOKED (the order lapses and the provider is asked to reinstate the content)")
    public RemovalOrderView scrutiny(@PathParam("id") UUID id, @Valid @NotNull ScrutinyDecisionRequest request) {
        return views.orderView(scrutiny.decide(id, request));
    }

    @POST
    @Path("/{id}/scrutiny-requests")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal: a provider's request for scrutiny (within 48 hours of receipt) relayed by "
            + "notify-service; idempotent by requestId")
    public RemovalOrderView scrutinyRequest(@PathParam("id") UUID id, @Valid @NotNull ScrutinyRequestBody request) {
        return views.orderView(scrutiny.request(id, request, caller.subject()));
    }

    @POST
    @Path("/{id}/delivery-events")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal: a delivery event from notify-service (SENT, RECEIVED); idempotent by eventId",
            description = "Answers 204 without a body; the order as it now stands is GET /api/v1/removal-orders/{id}.")
    @APIResponse(responseCode = "204", description = "Recorded, now or before (the same eventId)")
    public void deliveryEvent(@PathParam("id") UUID id, @Valid @NotNull DeliveryEventRequest request) {
        lifecycle.deliveryEvent(id, request, caller.subject());
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal: a provider's Annex II / III feedback relayed by notify-service; idempotent by feedbackId")
    public RemovalOrderView feedback(@PathParam("id") UUID id, @Valid @NotNull FeedbackRequest request) {
        return views.orderView(lifecycle.feedback(id, request, caller.subject()));
    }
}
