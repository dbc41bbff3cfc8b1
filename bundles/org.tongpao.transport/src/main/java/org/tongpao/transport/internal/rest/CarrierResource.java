package org.tongpao.transport.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.transport.CarrierInfo;
import org.tongpao.transport.CarrierQuote;
import org.tongpao.transport.QuoteRequest;
import org.tongpao.transport.TrackingReceipt;
import org.tongpao.transport.TransportService;
import org.tongpao.transport.UnmatchedEvent;

/** {@code /carriers}: the carriers, the ministry's contracts, and the partners' tracking push. */
@Component(service = CarrierResource.class, property = JaxRs.RESOURCE)
@Path("carriers")
// every reader's roles; the methods that change something name their own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.PARTNER,
        Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Carriers", description = "Transport partners plugged in through the carrier SPI")
@Consumes(MediaType.APPLICATION_JSON)
public class CarrierResource {
    private static final String ID = "{carrierId: [a-z0-9][a-z0-9-]{0,31}}";

    private final TransportService transport;

    @Activate
    public CarrierResource(@Reference TransportService transport) {
        this.transport = transport;
    }

    @GET
    @Operation(summary = "List carriers", description = "Installed ones and those known from contracts or shipments "
            + "(shown unavailable); a partner account sees only its own")
    public Page<CarrierInfo> list(@Context Caller caller) {
        return new Page<>(transport.carriers(caller), null);
    }

    @POST
    @Path("quotes")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Compare carriers", description = "Asks every available carrier for a quote at once: "
            + "{\"fromDepotId\":n,\"toDepotId\":n,\"packages\":n,\"weightKg\":n}; cheapest first, carriers "
            + "without a quote last with the reason")
    public Page<CarrierQuote> quotes(@Context Caller caller, @Valid @NotNull QuoteRequest body) {
        return new Page<>(transport.quotes(caller, body), null);
    }

    @GET
    @Path(ID)
    @Operation(summary = "Get a carrier", description = "Profile, the promise the SLA clock applies, on-time rate")
    public CarrierInfo get(@Context Caller caller, @PathParam("carrierId") String carrierId) {
        return transport.carrier(caller, carrierId);
    }

    @PUT
    @Path(ID + "/contract")
    @RolesAllowed(Roles.MINISTRY_ADMIN)
    @Operation(summary = "Set the ministry's contract with a carrier",
            description = "ISO-8601 durations, e.g. {\"acceptWithin\":\"PT1H\",\"pickupWithin\":\"PT24H\","
                    + "\"deliverWithin\":\"PT48H\",\"deliverWithinByProvince\":{\"42\":\"PT24H\"}}; applies to new bookings")
    public CarrierInfo contract(@Context Caller caller, @PathParam("carrierId") String carrierId,
            @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull Bodies.Contract body) {
        return transport.setContract(caller, carrierId, body.promise(), idempotency.key());
    }

    @POST
    @Path(ID + "/tracking")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Push tracking events (partner accounts)",
            description = "{\"events\":[{\"waybill\":\"EX-1\",\"status\":\"PICKED_UP\",\"at\":\"...Z\",\"location\":\"...\"}]}; "
                    + "a DELIVERED event carries proof {receivedBy, receivedAt, reference}. Events already known are "
                    + "counted as duplicates, so a retry is safe. Events for waybills not known yet are kept for later "
                    + "matching: then the answer is 202")
    @ApiResponse(responseCode = "200", description = "Every event matched a shipment",
            content = @Content(schema = @Schema(implementation = TrackingReceipt.class)))
    @ApiResponse(responseCode = "202", description = "Some events are for waybills no shipment has yet: they are kept "
            + "(counted as parked) and applied as soon as a booking returns the waybill; GET .../tracking/unmatched lists them",
            content = @Content(schema = @Schema(implementation = TrackingReceipt.class)))
    public Response push(@Context Caller caller, @PathParam("carrierId") String carrierId,
            @Valid @NotNull Bodies.Events body) {
        TrackingReceipt receipt = transport.push(caller, carrierId, Bodies.events(body, null));
        return Response.status(receipt.parked() > 0 ? Response.Status.ACCEPTED : Response.Status.OK).entity(receipt).build();
    }

    @GET
    @Path(ID + "/tracking/unmatched")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PARTNER, Roles.AUDITOR})
    @Operation(summary = "Tracking still waiting for its booking", description = "Events pushed for waybills no shipment "
            + "has yet, oldest first; kept until a booking returns the waybill. A partner account sees only its own")
    public Page<UnmatchedEvent> unmatched(@Context Caller caller, @PathParam("carrierId") String carrierId,
            @BeanParam PageParams page) {
        return transport.unmatched(caller, carrierId, page.limit(), page.cursor());
    }
}
