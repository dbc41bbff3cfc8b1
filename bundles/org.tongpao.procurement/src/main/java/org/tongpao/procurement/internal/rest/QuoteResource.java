package org.tongpao.procurement.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.QuoteFilter;
import org.tongpao.procurement.QuoteOrder;
import org.tongpao.procurement.QuoteStatus;
import org.tongpao.procurement.StoredQuote;

/** {@code /procurement/quotes}: the channels' stored quotes (asked at {@code /procurement/channels/{id}/quotes}) and their orders. */
@Component(service = QuoteResource.class, property = JaxRs.RESOURCE)
@Path("procurement/quotes")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.PROVINCE_OFFICER,
        Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procurement")
public class QuoteResource {
    private final ProcurementService procurement;

    @Activate
    public QuoteResource(@Reference ProcurementService procurement) {
        this.procurement = procurement;
    }

    @GET
    @Operation(summary = "List stored quotes", description = "Oldest first, paged by cursor; a province's buyer or "
            + "officer sees its province's quotes, ministry roles and auditors all. status is as of now: OPEN (stands, "
            + "not ordered), ORDERED (a draft order was made from it), EXPIRED (ran out unordered)")
    public Page<StoredQuote> list(@Context Caller caller,
            @Parameter(description = "the channel asked, e.g. procurement-centre") @QueryParam("channel") String channel,
            @Parameter(description = "OPEN, ORDERED, EXPIRED") @QueryParam("status") String status,
            @Parameter(description = "buying province, e.g. 42") @QueryParam("province") String province,
            @BeanParam PageParams page) {
        QuoteFilter f = new QuoteFilter(QueryParams.text(channel),
                QueryParams.enumValue(QuoteStatus.class, "status", status), QueryParams.text(province));
        return procurement.quotes(caller, f, page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get a stored quote", description = "The channel's answer with its lines (item, quantity "
            + "asked and offered, unit price, date), validity and the order made from it; scoped as orders are")
    public StoredQuote get(@Context Caller caller, @PathParam("id") long id) {
        return procurement.quote(caller, id);
    }

    @POST
    @Path("{id: [0-9]+}/order")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Draft a purchase order from a quote", description = "{\"supplierId\":1,\"depotId\":3,"
            + "\"budgetLineId\":1,\"exchangeRate\":0.0053,\"lines\":[\"L1\"]}: lines, unit prices, currency, "
            + "promised dates (the dates quoted), channel, quote reference and emergency come from the quote; lines "
            + "(optional) names the quote's lines to order by lineRef, all of them when left out; 201 with the DRAFT "
            + "order. A quote becomes one order only (409 naming quoteId); an expired quote is a 409 naming validUntil")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PurchaseOrder.class)))
    public Response order(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull QuoteOrder body) {
        PurchaseOrder o = procurement.orderFromQuote(caller, id, body, idempotency.key());
        return Created.response(uriInfo, "procurement/orders", o.id(), o);
    }
}
