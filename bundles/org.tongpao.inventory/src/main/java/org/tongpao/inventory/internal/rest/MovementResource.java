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
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.AnsweredInOneCommit;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Provenance;

/** {@code /inventory}: the writes that book one posting (receipts, issues, adjustments, write-offs) and the ledger. */
@Component(service = MovementResource.class, property = JaxRs.RESOURCE)
@AnsweredInOneCommit // stock writes touch only this node's database (their events go through the outbox)
@Path("inventory")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
@Consumes(MediaType.APPLICATION_JSON)
public class MovementResource extends InventoryApi {
    @POST
    @Path("receipts")
    @Operation(summary = "Receive goods", description = "Creates a lot and its RECEIPT movement; 201 with the lot. "
            + "An optional designation (PROVINCE, ORG_UNIT, FRONT_LINE) restricts where its goods may go")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Lot.class)))
    public Response receive(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid NewReceipt body) {
        Lot lot = ledger.receive(caller, body, idempotency.key());
        return Created.response(uriInfo, "inventory/lots", lot.id(), lot);
    }

    @POST
    @Path("issues")
    @Operation(summary = "Issue stock to an org unit", description = "FEFO unless lotId is given; 409 when short. "
            + "Designated lots that do not admit the unit are skipped (named lot: 409 naming the designation); "
            + "a ministry-admin may move them with an overrideReason (10+ characters), audited")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Posting.class)))
    public Response issue(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid NewIssue body) {
        Posting p = ledger.issue(caller, body, idempotency.key());
        return Created.response(uriInfo, "inventory/postings", p.id(), p);
    }

    @POST
    @Path("adjustments")
    @Operation(summary = "Adjust a lot", description = "Signed quantity; COUNT, DAMAGE, LOSS (−), FOUND (+)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Posting.class)))
    public Response adjust(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid NewAdjustment body) {
        Posting p = ledger.adjust(caller, body, idempotency.key());
        return Created.response(uriInfo, "inventory/postings", p.id(), p);
    }

    @POST
    @Path("write-offs")
    @Operation(summary = "Write stock off", description = "EXPIRED or DAMAGED")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Posting.class)))
    public Response writeOff(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid NewWriteOff body) {
        Posting p = ledger.writeOff(caller, body, idempotency.key());
        return Created.response(uriInfo, "inventory/postings", p.id(), p);
    }

    @GET
    @Path("postings/{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "The movements of one write")
    public Posting posting(@Context Caller caller, @PathParam("id") long id) {
        return ledger.posting(caller, id);
    }

    @GET
    @Path("postings/{id}/origins")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Where the goods of one write came from",
            description = "Each movement of the posting back to its root lot: origin and source document (one page: "
                    + "nextCursor is null)")
    public Page<Provenance> postingOrigins(@Context Caller caller, @PathParam("id") long id) {
        return new Page<>(ledger.origins(caller, id), null);
    }

    @GET
    @Path("units/{id}/received")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "What an org unit received, back to its origins", description = "The ISSUE movements naming "
            + "the unit (deliveries to it included), each with its lot path up to the root lot and that lot's origin "
            + "and source document; 404 when the unit is outside the caller's province; keyset-paged by movement id")
    public Page<Provenance> receivedBy(@Context Caller caller, @PathParam("id") long id, @BeanParam PageParams page) {
        return ledger.receivedBy(caller, id, page.limit(), page.cursor());
    }

    @GET
    @Path("movements")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "The ledger", description = READERS_NOTE + "; from inclusive, to exclusive (ISO-8601)")
    public Page<Movement> movements(@Context Caller caller, @QueryParam("depot") String depot,
            @QueryParam("item") String item,
            @Parameter(description = "RECEIPT, ISSUE, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, WRITE_OFF") @QueryParam("type") String type,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @BeanParam PageParams page) {
        MovementFilter filter = new MovementFilter(QueryParams.id("depot", depot), QueryParams.id("item", item),
                QueryParams.enumValue(MovementType.class, "type", type), QueryParams.instant("from", from),
                QueryParams.instant("to", to));
        return ledger.movements(caller, filter, page.limit(), page.cursor());
    }
}
