package org.tongpao.procurement.imports.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
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
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import java.math.BigDecimal;
import java.time.Instant;
import org.tongpao.procurement.imports.internal.ImportOffer;
import org.tongpao.procurement.imports.internal.ImportOffers;
import org.tongpao.procurement.imports.internal.ImportReference;
import org.tongpao.procurement.imports.internal.ItemStandard;
import org.tongpao.procurement.imports.internal.NewImportOffer;
import org.tongpao.procurement.imports.internal.RecordedRate;

/** {@code /procurement/import}: foreign offers, exchange rates, the standards imported items must be certified to. */
@Component(service = ImportOfferResource.class, property = JaxRs.RESOURCE)
@Path("procurement/import")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.FINANCE, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "International import", description = "Imports through foreign suppliers: offers in their currency, exchange "
        + "rates at order and at payment, incoterms, customs clearance, import certification")
public class ImportOfferResource {
    private static final String WRITERS = "The ministry's procurement officers and administrators";
    private final ImportOffers offers;
    private final ImportReference reference;

    @Activate
    public ImportOfferResource(@Reference ImportOffers offers, @Reference ImportReference reference) {
        this.offers = offers;
        this.reference = reference;
    }

    @GET
    @Path("offers")
    @Operation(summary = "List foreign offers", description = "Oldest first; ?itemCode= only one item's")
    public Page<ImportOffer> offers(@Parameter(description = "item code") @QueryParam("itemCode") String item,
            @BeanParam PageParams page) {
        return offers.list(QueryParams.text(item), page.limit(), page.cursor());
    }

    @GET
    @Path("offers/{offerId: [0-9]+}")
    @Operation(summary = "Get a foreign offer")
    public ImportOffer offer(@PathParam("offerId") long id) {
        return offers.get(id);
    }

    @POST
    @Path("offers")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Record a foreign offer", description = WRITERS + ": {\"code\":\"KR-KF94-1\",\"supplierName\":"
            + "\"...\",\"country\":\"KR\",\"itemCode\":\"MASK-KF94\",\"currency\":\"KRW\",\"unitPrice\":1250,\"incoterm\":"
            + "\"CIF\",\"leadDays\":40,\"capacityPerWeek\":500000,\"validUntil\":\"2026-06-30\"}; the import channel of its "
            + "currency offers it at once")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ImportOffer.class)))
    public Response createOffer(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @NotNull NewImportOffer body) {
        ImportOffer o = offers.create(caller, body, idempotency.key());
        return Created.response(uriInfo, "procurement/import/offers", o.id(), o);
    }

    @POST
    @Path("offers/{offerId: [0-9]+}/withdrawal")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Withdraw a foreign offer", description = WRITERS + "; orders placed stay; a repeat changes nothing")
    public ImportOffer withdraw(@Context Caller caller, @PathParam("offerId") long id,
            @BeanParam IdempotencyHeader idempotency) {
        return offers.withdraw(caller, id, idempotency.key());
    }

    @GET
    @Path("rates")
    @Operation(summary = "List recorded exchange rates", description = "CNY per unit of the currency, oldest recorded first")
    public Page<RecordedRate> rates(@Parameter(description = "ISO 4217 code, e.g. KRW") @QueryParam("currency") String currency,
            @BeanParam PageParams page) {
        return reference.rates(QueryParams.text(currency), page.limit(), page.cursor());
    }

    @POST
    @Path("rates")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Record an exchange rate", description = WRITERS + ": {\"currency\":\"KRW\",\"rate\":0.0052,"
            + "\"asOf\":\"2026-02-01T00:00:00Z\",\"source\":\"PBOC central parity\"}: CNY per unit, at most 10 decimals, in "
            + "force from asOf (now when absent); an order fixes the rate in force when it is placed")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RecordedRate.class)))
    public Response recordRate(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @NotNull Rate body) {
        RecordedRate r = reference.recordRate(caller, body.currency(), body.rate(), body.asOf(), body.source(),
                idempotency.key());
        return Created.response(uriInfo, "procurement/import/rates", r.id(), r);
    }

    @GET
    @Path("standards")
    @Operation(summary = "List the standards imported items must be certified to")
    public Page<ItemStandard> standards() {
        return new Page<>(reference.standards(), null);
    }

    @PUT
    @Path("standards/{itemCode: [A-Za-z0-9][A-Za-z0-9_-]{0,31}}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Set the standard an imported item must be certified to", description = WRITERS
            + ": {\"standard\":\"GB 2626-2019\",\"note\":\"...\"}; customs release of an order of that item needs a "
            + "certificate of it")
    public ItemStandard setStandard(@Context Caller caller, @PathParam("itemCode") String itemCode,
            @BeanParam IdempotencyHeader idempotency, @NotNull Standard body) {
        return reference.setStandard(caller, itemCode, body.standard(), body.note(), idempotency.key());
    }

    @Schema(name = "ImportRate")
    public record Rate(String currency, BigDecimal rate, Instant asOf, String source) {
    }

    @Schema(name = "ImportStandard")
    public record Standard(String standard, String note) {
    }
}
