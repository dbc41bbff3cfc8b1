package org.tongpao.allocation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /allocation/batches}: numbered batches, their dispatch and receipt. */
@Component(service = BatchResource.class, property = JaxRs.RESOURCE)
@Path("allocation/batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation batches", description = "Approved allocations: reserve, dispatch, receive")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
@Consumes(MediaType.APPLICATION_JSON)
public class BatchResource {
    private final AllocationService allocation;

    @Activate
    public BatchResource(@Reference AllocationService allocation) {
        this.allocation = allocation;
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "List batches", description = "Without lines; a province officer sees batches to or from it")
    public Page<Batch> list(@Context Caller caller,
            @Parameter(description = "RESERVING, APPROVED, FAILED, DISPATCHED, PARTLY_RECEIVED, RECEIVED")
            @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return allocation.batches(caller, QueryParams.enumValue(BatchStatus.class, "status", status),
                page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
            Roles.AUDITOR})
    @Operation(summary = "Get a batch", description = "With its lines, reservations and transfers")
    public Batch get(@Context Caller caller, @PathParam("id") long id) {
        return allocation.batch(caller, id);
    }

    @POST
    @Path("{id: [0-9]+}/dispatch")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Dispatch a batch", description = "Every reservation becomes a transfer to its receiving "
            + "depot; a repeat with the same Idempotency-Key counts once. Goods for a key area leave only when the "
            + "shipment of their leg holds an entry pass a checkpoint can verify (else 409 naming passes)")
    public Batch dispatch(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "No body needed",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = "object"))) String body) {
        return allocation.dispatch(caller, id, idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/receipt")
    @Operation(summary = "Confirm receipt of lines", description = "Per line received (incl. damaged) and damaged")
    public Batch receipt(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @Valid Bodies.Receipt body) {
        return allocation.receive(caller, id, body.lines(), idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/lines/{lineId: [0-9]+}/receipt")
    @Operation(summary = "Confirm receipt of one line", description = "Received (incl. damaged) and damaged")
    public Batch lineReceipt(@Context Caller caller, @PathParam("id") long id, @PathParam("lineId") long lineId,
            @BeanParam IdempotencyHeader idempotency,
            @Valid Bodies.OneLine body) {
        return allocation.receive(caller, id, List.of(new LineReceipt(lineId, body.receivedQuantity(),
                body.damagedQuantity(), body.note())), idempotency.key());
    }
}
