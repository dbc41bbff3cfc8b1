package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Component;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.AnsweredInOneCommit;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.inventory.DispatchOrder;
import org.tongpao.inventory.NewReservation;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;

/** {@code /inventory/reservations}: stock held first-expiry-first-out, released or dispatched as a transfer. */
@Component(service = ReservationResource.class, property = JaxRs.RESOURCE)
@AnsweredInOneCommit // stock writes touch only this node's database (their events go through the outbox)
@Path("inventory/reservations")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
@Consumes(MediaType.APPLICATION_JSON)
public class ReservationResource extends InventoryApi {
    @POST
    @Operation(summary = "Reserve stock", description = "FEFO, all or nothing; 409 when short")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Reservation.class)))
    public Response reserve(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid NewReservation body) {
        Reservation r = inventory.reserve(caller, body.depotId(), body.itemId(), body.quantity(), body.holder(),
                idempotency.key());
        return Created.response(uriInfo, "inventory/reservations", r.id(), r);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Get one reservation")
    public Reservation reservation(@Context Caller caller, @PathParam("id") long id) {
        return ledger.reservation(caller, id);
    }

    @POST
    @Path("{id}/release")
    @Operation(summary = "Release a reservation", description = "No body needed")
    public Reservation release(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Ignored; may be empty",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = "object"))) String body) {
        return inventory.release(caller, id, idempotency.key());
    }

    @POST
    @Path("{id}/dispatch")
    @Operation(summary = "Dispatch a reservation", description = "Transfer-out of the held lots; 201 with the transfer. "
            + "A held lot whose designation does not admit the destination: 409 naming it, unless a ministry-admin "
            + "gives an overrideReason (10+ characters), audited")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Transfer.class)))
    public Response dispatch(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid DispatchOrder body) {
        Transfer t = ledger.dispatch(caller, id, body, idempotency.key());
        return Created.response(uriInfo, "inventory/transfers", t.id(), t);
    }
}
