package org.tongpao.procurement.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.OptionalBody;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.procurement.GoodsReceipt;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderProgress;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.ReceiptRequest;

/** {@code /procurement/orders}: draft, change a draft, submit, approve, place, cancel, receive. */
@Component(service = OrderResource.class, property = JaxRs.RESOURCE)
@Path("procurement/orders")
// every reader's roles; the methods that change something name their own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.PROVINCE_OFFICER,
        Roles.DEPOT_KEEPER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procurement")
public class OrderResource {
    private static final String READERS_NOTE = "A province's buyer and province officer see their province's "
            + "orders, a depot keeper those delivered to its depot; the ministry's roles and auditors see all";

    private final ProcurementService procurement;

    @Activate
    public OrderResource(@Reference ProcurementService procurement) {
        this.procurement = procurement;
    }

    @GET
    @Operation(summary = "List purchase orders", description = READERS_NOTE)
    public Page<PurchaseOrder> list(@Context Caller caller,
            @Parameter(description = "DRAFT, SUBMITTED, APPROVED, PLACED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED")
            @QueryParam("status") String status,
            @Parameter(description = "supplier id") @QueryParam("supplier") String supplier,
            @Parameter(description = "buying province") @QueryParam("province") String province,
            @BeanParam PageParams page) {
        OrderFilter f = new OrderFilter(QueryParams.enumValue(OrderStatus.class, "status", status),
                QueryParams.id("supplier", supplier), QueryParams.text(province));
        return procurement.orders(caller, f, page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get a purchase order", description = "With its lines and approvals. " + READERS_NOTE)
    public PurchaseOrder get(@Context Caller caller, @PathParam("id") long id) {
        return procurement.order(caller, id);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Draft a purchase order", description = "From a supplier qualified for every item, to a "
            + "depot of the buyer's province, paid from a budget line the buyer sees; 201 with status DRAFT")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PurchaseOrder.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull NewOrder body) {
        PurchaseOrder o = procurement.createOrder(caller, body, idempotency.key());
        return Created.response(uriInfo, "procurement/orders", o.id(), o);
    }

    @PUT
    @Path("{id: [0-9]+}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Change a draft order", description = "The body replaces the draft's header and lines (as "
            + "when drafting); If-Match names the order's version as read (\"3\", W/\"3\" or 3; 400 naming If-Match "
            + "without it, once the ids named are found), 412 when the order changed since. Only a DRAFT: 409 naming status once submitted. The "
            + "answer carries the new version as ETag")
    @ApiResponse(responseCode = "200", description = "The changed draft",
            content = @Content(schema = @Schema(implementation = PurchaseOrder.class)))
    @ApiResponse(responseCode = "412", description = "The order changed since the version in If-Match",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response update(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = "The order's version as read, e.g. \"3\"", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull NewOrder body) {
        Long expected = Bodies.version(ifMatch);
        try {
            PurchaseOrder o = procurement.updateDraft(caller, id, expected, body, idempotency.key());
            return Response.ok(o).tag(new EntityTag(Long.toString(o.version()))).build();
        } catch (StaleVersionException e) {
            // not as the cause: the problem mapper would answer the cause's 409
            throw new WebApplicationException(e.getMessage(), Response.Status.PRECONDITION_FAILED);
        }
    }

    @POST
    @Path("{id: [0-9]+}/submit")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Submit a draft for approval")
    public PurchaseOrder submit(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency) {
        return procurement.submit(caller, id, idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/approve")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Approve a submitted order", description = "Normal orders need two approvals by two "
            + "different people; an emergency order one, with {\"justification\": \"...\"}. The approval that makes "
            + "the order APPROVED commits its amount in CNY on its budget line: 409 when the line is short, and "
            + "nothing is recorded")
    public PurchaseOrder approve(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"justification\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Bodies.Approve.class))) String body) {
        Bodies.Approve b = OptionalBody.parse(body, Bodies.Approve.class, "justification",
                "expected {\"justification\": \"...\"}");
        return procurement.approve(caller, id, b == null ? null : b.justification(), idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/place")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Place an approved order", description = "Through its channel when it names one (the "
            + "channel's reference is stored), else recorded as placed directly with the supplier")
    public PurchaseOrder place(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency) {
        return procurement.place(caller, id, idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/cancel")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Cancel an order", description = "Any order not yet fully received; what it still has "
            + "committed on its budget line is released. Body {\"reason\": \"...\"}")
    public PurchaseOrder cancel(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull Bodies.Cancel body) {
        return procurement.cancel(caller, id, body.reason(), idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/receipts")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Receive a delivery against the order", description = "Per line: the inspection (standard, "
            + "certificate number, production batch, expiry), accepted and rejected quantities (a rejection needs a "
            + "reason). Accepted goods become inventory lots whose source document is the order line, in one "
            + "transaction with the order's status and the spend on its budget line")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = GoodsReceipt.class)))
    public Response receive(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull ReceiptRequest body) {
        GoodsReceipt r = procurement.receive(caller, id, body, idempotency.key());
        return Created.response(uriInfo, "procurement/orders/" + id + "/receipts", r.id(), r);
    }

    @GET
    @Path("{id: [0-9]+}/receipts")
    @Operation(summary = "The order's receipts", description = "Oldest first, with each line's inspection and lot")
    public Page<GoodsReceipt> receipts(@Context Caller caller, @PathParam("id") long id) {
        return new Page<>(procurement.receipts(caller, id), null);
    }

    @GET
    @Path("{id: [0-9]+}/progress")
    @Operation(summary = "What the order's channel reported", description = "Confirmed, in production, shipped, at "
            + "customs, ...; oldest first")
    public Page<OrderProgress> progress(@Context Caller caller, @PathParam("id") long id) {
        return new Page<>(procurement.progress(caller, id), null);
    }
}
