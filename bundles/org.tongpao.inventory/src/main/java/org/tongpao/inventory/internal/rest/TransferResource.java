package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.AnsweredInOneCommit;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfers;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.TransferReceipt;

/** {@code /inventory/transfers}: direct transfers out, goods in transit, and their receipt. */
@Component(service = TransferResource.class, property = JaxRs.RESOURCE)
@AnsweredInOneCommit // stock writes touch only this node's database (their events go through the outbox)
@Path("inventory/transfers")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
@Consumes(MediaType.APPLICATION_JSON)
public class TransferResource extends InventoryApi {
    @Reference
    CrossNodeTransfers crossNode;

    @POST
    @Operation(summary = "Transfer out", description = "Direct transfer without reservation; goods go in transit. "
            + "Designated lots that do not admit the destination depot are skipped (named lot: 409 naming the "
            + "designation); a ministry-admin may move them with an overrideReason (10+ characters), audited")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Transfer.class)))
    public Response transferOut(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid NewTransfer body) {
        Transfer t = ledger.transferOut(caller, body, idempotency.key());
        return Created.response(uriInfo, "inventory/transfers", t.id(), t);
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "List transfers", description = "Either side in the caller's scope")
    public Page<Transfer> transfers(@Context Caller caller,
            @Parameter(description = "IN_TRANSIT, RECEIVED or RETURNED") @QueryParam("status") String status,
            @QueryParam("depot") String depot, @BeanParam PageParams page) {
        return ledger.transfers(caller, QueryParams.enumValue(Transfer.Status.class, "status", status),
                QueryParams.id("depot", depot), page.limit(), page.cursor());
    }

    @GET
    @Path("cross-node")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "List cross-node transfers", description = "Transfers whose other end is on another node "
            + "(federation): the sender's, the receiver's and, at central, those it forwards between provinces; "
            + "either depot in the caller's scope")
    public Page<CrossNodeTransfer> crossNodeTransfers(@Context Caller caller,
            @Parameter(description = "IN_TRANSIT, RECEIVED or RETURNED") @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return crossNode.crossNodeTransfers(caller, QueryParams.enumValue(Transfer.Status.class, "status", status),
                page.limit(), page.cursor());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Get one transfer")
    public Transfer transfer(@Context Caller caller, @PathParam("id") long id) {
        return inventory.transfer(caller, id);
    }

    @GET
    @Path("{id}/origins")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Where the goods of a transfer came from",
            description = "Its transfer-out movements, each back to its root lot: origin and source document (one "
                    + "page: nextCursor is null)")
    public Page<org.tongpao.inventory.Provenance> transferOrigins(@Context Caller caller, @PathParam("id") long id) {
        return new Page<>(ledger.transferOrigins(caller, id), null);
    }

    @POST
    @Path("{id}/receipt")
    @Operation(summary = "Receive a transfer", description = "By the receiving depot's scope; shortfall → LOSS, damage → write-off")
    public Transfer receiveTransfer(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid TransferReceipt body) {
        return inventory.receiveTransfer(caller, id, body.receivedQuantity(),
                body.damagedQuantity() == null ? 0 : body.damagedQuantity(), body.note(), idempotency.key());
    }
}
