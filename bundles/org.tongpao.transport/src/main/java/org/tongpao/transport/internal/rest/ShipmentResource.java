package org.tongpao.transport.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.OptionalBody;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.NewShipment;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.TrackingReceipt;
import org.tongpao.transport.TransportService;

/** {@code /shipments}: book, pass, dispatch, track, receive. */
@Component(service = ShipmentResource.class, property = JaxRs.RESOURCE)
@Path("shipments")
// every reader's roles; the methods that change something name their own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.PARTNER,
        Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Goods on the move with a carrier, watched against its promises")
@Consumes(MediaType.APPLICATION_JSON)
public class ShipmentResource {
    private static final String READERS_NOTE = "A province officer sees shipments from or to its province, a depot "
            + "keeper those of its depot, a partner account its own carrier's";
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final TransportService transport;

    @Activate
    public ShipmentResource(@Reference TransportService transport) {
        this.transport = transport;
    }

    @GET
    @Operation(summary = "List shipments", description = READERS_NOTE)
    public Page<Shipment> list(@Context Caller caller,
            @Parameter(description = "carrier id") @QueryParam("carrier") String carrier,
            @Parameter(description = "BOOKED, ACCEPTED, PICKED_UP, IN_TRANSIT, AT_CHECKPOINT, EXCEPTION, DELIVERED, "
                    + "RECEIVED, CANCELLED, BOOKING_FAILED") @QueryParam("status") String status,
            @Parameter(description = "BREACHED or AT_RISK") @QueryParam("sla") String sla,
            @Parameter(description = "origin or destination province") @QueryParam("province") String province,
            @Parameter(description = "allocation batch id") @QueryParam("batch") String batch,
            @BeanParam PageParams page) {
        ShipmentFilter f = new ShipmentFilter(QueryParams.text(carrier),
                QueryParams.enumValue(ShipmentStatus.class, "status", status),
                QueryParams.enumValue(SlaState.class, "sla", sla), QueryParams.text(province), QueryParams.id("batch", batch));
        return transport.shipments(caller, f, page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get a shipment", description = "With its SLA evaluated now")
    public Shipment get(@Context Caller caller, @PathParam("id") long id) {
        return transport.shipment(caller, id);
    }

    @GET
    @Path("{id: [0-9]+}/events")
    @Operation(summary = "The shipment's tracking timeline", description = "Oldest first, with who reported each event")
    public Page<ShipmentEvent> events(@Context Caller caller, @PathParam("id") long id) {
        return new Page<>(transport.events(caller, id), null);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Book a shipment", description = "Quotes and books with the carrier at once; 201 with "
            + "status BOOKED and the waybill, or BOOKING_FAILED with the carrier's reason (retry with /book). "
            + "toOrgUnitId instead of toDepotId ships to an org unit without a depot (a front-line station)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Shipment.class)))
    public Response book(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull NewShipment body) {
        Shipment s = transport.book(caller, body, idempotency.key());
        return Created.response(uriInfo, "shipments", s.id(), s);
    }

    @POST
    @Path("{id: [0-9]+}/book")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Retry a failed booking", description = "Optional body {\"carrierId\": \"...\"} to switch carrier")
    public Shipment rebook(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"carrierId\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Bodies.Rebook.class))) String body) {
        Bodies.Rebook b = OptionalBody.parse(body, Bodies.Rebook.class, "carrierId", "expected {\"carrierId\": \"...\"}");
        return transport.rebook(caller, id, b == null ? null : QueryParams.text(b.carrierId()), idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/cancel")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Cancel a shipment not yet handed over", description = "Optional body {\"reason\": \"...\"}")
    public Shipment cancel(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"reason\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Bodies.Reason.class))) String body) {
        Bodies.Reason b = OptionalBody.parse(body, Bodies.Reason.class, "reason", "expected {\"reason\": \"...\"}");
        return transport.cancel(caller, id, b == null ? null : b.reason(), idempotency.key());
    }

    @PUT
    @Path("{id: [0-9]+}/pass")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Attach a free-text entry pass (printed only)", description = "Kept for printing; since "
            + "issue 12 it opens no key area: the pass a checkpoint can verify does (POST /shipments/{id}/passes)")
    public Shipment pass(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull EntryPass body) {
        return transport.attachPass(caller, id, body, idempotency.key());
    }

    @GET
    @Path("{id: [0-9]+}/pass")
    @Produces({MediaType.TEXT_PLAIN + ";charset=UTF-8"})
    @Operation(summary = "Print the entry pass", description = "A plain-text sheet for the driver (times in Beijing time)")
    public String printPass(@Context Caller caller, @PathParam("id") long id) {
        Shipment s = transport.shipment(caller, id);
        EntryPass p = s.entryPass();
        if (p == null) {
            throw new NotFoundException("Entry pass of shipment", id);
        }
        return String.join("\n",
                "ENTRY PASS / 通行证",
                "================================",
                "Pass number:   " + p.number(),
                "Issued by:     " + p.authority(),
                "Valid:         " + PRINTED.format(p.validFrom()) + " to " + PRINTED.format(p.validUntil()) + " (UTC+8)",
                "Vehicle plate: " + p.vehiclePlate(),
                "Driver:        " + p.driver(),
                "--------------------------------",
                "Shipment:      " + s.number() + (s.batchNumber() == null ? "" : "  (allocation batch " + s.batchNumber() + ")"),
                "From depot:    " + s.fromDepotCode(),
                (s.toUnit() ? "To unit:       " + s.toOrgUnitCode() : "To depot:      " + s.toDepotCode()) + (s.keyAreaLabel() == null ? "" : "  (key area: " + s.keyAreaLabel() + ")"),
                "Carrier:       " + s.carrierId() + "   waybill " + (s.waybill() == null ? "-" : s.waybill()),
                "Packages:      " + s.packages() + "   weight " + s.weightKg().stripTrailingZeros().toPlainString() + " kg",
                "") ;
    }

    @POST
    @Path("{id: [0-9]+}/dispatch")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Hand the goods over to the carrier", description = "Into a key area only with an entry pass "
            + "a checkpoint can verify (issued for the area, printed, not revoked, valid now; else 409 naming passes); "
            + "dispatches the shipment's allocation batch lines in the same transaction (reservations become transfers "
            + "out)")
    public Shipment dispatch(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency) {
        return transport.dispatch(caller, id, idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/events")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Record tracking by hand", description = "For carriers dispatched by hand such as the police's "
            + "own fleet; same body as the partners' push, the waybill may be left out")
    public TrackingReceipt record(@Context Caller caller, @PathParam("id") long id, @Valid @NotNull Bodies.Events body) {
        Shipment s = transport.shipment(caller, id);
        return transport.record(caller, id, Bodies.events(body, s.waybill()));
    }

    @POST
    @Path("{id: [0-9]+}/receive")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Confirm receipt", description = "Optional body {\"lines\":[{\"lineId\":n,\"receivedQuantity\":n,"
            + "\"damagedQuantity\":n,\"note\":\"...\"}]}; without it every batch line of the shipment is received in full. "
            + "For a shipment to an org unit this is the proof of delivery at the unit: the goods are issued to it "
            + "from the sending depot in the same transaction")
    public Shipment receive(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"lines\": [...]}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Bodies.Receipt.class))) String body) {
        Bodies.Receipt b = OptionalBody.parse(body, Bodies.Receipt.class, "lines", "expected {\"lines\": [...]}");
        return transport.receive(caller, id, b == null ? null : b.lines(), idempotency.key());
    }
}
