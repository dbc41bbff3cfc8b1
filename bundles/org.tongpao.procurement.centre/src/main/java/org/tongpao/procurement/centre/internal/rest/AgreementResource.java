package org.tongpao.procurement.centre.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import javax.annotation.security.RolesAllowed;
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
import org.tongpao.core.rest.OptionalBody;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.procurement.centre.internal.Agreement;
import org.tongpao.procurement.centre.internal.Agreements;
import org.tongpao.procurement.centre.internal.NewAgreement;
import org.tongpao.procurement.centre.internal.Offer;
import org.tongpao.procurement.centre.internal.OfferRanking;

/** {@code /procurement/centre/agreements}: the centre's framework agreements and what they offer. */
@Component(service = AgreementResource.class, property = JaxRs.RESOURCE)
@Path("procurement/centre")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procurement centre", description = "The central procurement centre: framework agreements with qualified "
        + "suppliers, their prices, orders and emergency procurement")
public class AgreementResource {
    private final Agreements agreements;

    @Activate
    public AgreementResource(@Reference Agreements agreements) {
        this.agreements = agreements;
    }

    @GET
    @Path("agreements")
    @Operation(summary = "List framework agreements", description = "Oldest first; ?itemCode= only those covering an item")
    public Page<Agreement> list(@Context Caller caller, @Parameter(description = "item code") @QueryParam("itemCode") String item,
            @BeanParam PageParams page) {
        return agreements.list(caller, QueryParams.text(item), page.limit(), page.cursor());
    }

    @GET
    @Path("agreements/{agreementId: [0-9]+}")
    @Operation(summary = "Get a framework agreement", description = "With its items, prices and capacities")
    public Agreement get(@Context Caller caller, @PathParam("agreementId") long id) {
        return agreements.get(caller, id);
    }

    @POST
    @Path("agreements")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Record a framework agreement", description = "The ministry's procurement officers: {\"code\":"
            + "\"FA-2026-001\",\"supplierCode\":\"SUP-1\",\"supplierName\":\"...\",\"validFrom\":\"2026-01-01\","
            + "\"validUntil\":\"2026-12-31\",\"leadDays\":14,\"expeditedLeadDays\":5,\"items\":[{\"itemCode\":\"MASK-N95\","
            + "\"unitPrice\":2.5,\"capacityPerWeek\":100000}]}; prices in CNY, at most 4 decimals")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Agreement.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @NotNull NewAgreement body) {
        Agreement a = agreements.create(caller, body, idempotency.key());
        return Created.response(uriInfo, "procurement/centre/agreements", a.id(), a);
    }

    @POST
    @Path("agreements/{agreementId: [0-9]+}/withdrawal")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Withdraw a framework agreement", description = "Optional body {\"reason\":\"...\"}; no new "
            + "quote or order uses it, orders already placed stay; a repeat changes nothing")
    public Agreement withdraw(@Context Caller caller, @PathParam("agreementId") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"reason\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Reason.class))) String body) {
        Reason r = OptionalBody.parse(body, Reason.class, "reason", "the body must be {\"reason\": \"...\"} or empty");
        return agreements.withdraw(caller, id, r == null ? null : r.reason(), idempotency.key());
    }

    @GET
    @Path("offers")
    @Operation(summary = "What the agreements offer", description = "Every agreement valid today that covers the item "
            + "and can deliver the quantity by the day needed: cheapest first (prefer=PRICE) or fastest first (TIME)")
    public Page<Offer> offers(@Parameter(description = "item code") @QueryParam("itemCode") String item,
            @Parameter(description = "quantity") @QueryParam("quantity") String quantity,
            @Parameter(description = "ISO date the goods are needed by") @QueryParam("neededBy") String neededBy,
            @Parameter(description = "PRICE or TIME") @QueryParam("prefer") String prefer) {
        Long qty = QueryParams.id("quantity", quantity);
        LocalDate by = neededBy == null ? null : Dates.parse("neededBy", neededBy);
        return new Page<>(agreements.quote(item, qty, by,
                QueryParams.enumValue(OfferRanking.Preference.class, "prefer", prefer)), null);
    }

    /** Optional body of a withdrawal. */
    @Schema(name = "CentreReason")
    public record Reason(String reason) {
    }
}
