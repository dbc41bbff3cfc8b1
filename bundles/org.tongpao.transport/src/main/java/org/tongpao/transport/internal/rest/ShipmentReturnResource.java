package org.tongpao.transport.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.OptionalBody;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentReturn;
import org.tongpao.transport.TransportService;

/** {@code /shipments/{id}/return}: goods handed over that come back (recalled, or cancelled by the carrier). */
@Component(service = ShipmentReturnResource.class, property = JaxRs.RESOURCE)
@Path("shipments/{id: [0-9]+}/return")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Goods on the move with a carrier, watched against its promises")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class ShipmentReturnResource {
    private final TransportService transport;

    @Activate
    public ShipmentReturnResource(@Reference TransportService transport) {
        this.transport = transport;
    }

    /** Optional body of a return's receipt. */
    @Schema(name = "ReturnNote")
    public record Note(@javax.validation.constraints.Size(max = 500) String note) {
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.PARTNER, Roles.AUDITOR})
    @Operation(summary = "The shipment's return", description = "Cause CARRIER (the carrier cancelled or returned after "
            + "hand-over: its SLA clock keeps running) or MINISTRY (recalled: the clock stopped); outcome null while "
            + "the goods come back, RETURNED or REBOOKED (rebookedAs) once it ended; 404 if there is none")
    public ShipmentReturn get(@Context Caller caller, @PathParam("id") long id) {
        return transport.shipmentReturn(caller, id);
    }

    @POST
    @Operation(summary = "Recall goods handed over", description = "Optional body {\"reason\": \"...\"}. The carrier is "
            + "asked to cancel (its refusal is recorded, not obeyed); the shipment is RETURNING and its SLA clock stops "
            + "without blaming the carrier. 409 before hand-over (cancel instead) or after delivery")
    public Shipment recall(@Context Caller caller, @PathParam("id") long id, @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"reason\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Bodies.Reason.class))) String body) {
        Bodies.Reason b = OptionalBody.parse(body, Bodies.Reason.class, "reason", "expected {\"reason\": \"...\"}");
        return transport.recall(caller, id, b == null ? null : b.reason(), idempotency.key());
    }

    @POST
    @Path("receive")
    @Operation(summary = "Take returning goods back into the sending depot", description = "Optional body "
            + "{\"note\": \"...\"}. Each batch line's transfer comes back into the sending depot's stock (a transfer-in "
            + "tied to it) and the line is RETURNED; the shipment is RETURNED")
    public Shipment receive(@Context Caller caller, @PathParam("id") long id, @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"note\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Note.class))) String body) {
        Note b = OptionalBody.parse(body, Note.class, "note", "expected {\"note\": \"...\"}");
        return transport.receiveReturn(caller, id, b == null ? null : b.note(), idempotency.key());
    }

    @POST
    @Path("rebook")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Carry returning goods on with another carrier", description = "{\"carrierId\": \"...\"}: a new "
            + "shipment for the same lines, booked and (outside key areas) handed over at once; the goods stay in "
            + "transit, the lines say they were re-booked. Answers the new shipment")
    public Shipment rebook(@Context Caller caller, @PathParam("id") long id, @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull Bodies.Rebook body) {
        return transport.rebookReturn(caller, id, QueryParams.text(body.carrierId()), idempotency.key());
    }
}
