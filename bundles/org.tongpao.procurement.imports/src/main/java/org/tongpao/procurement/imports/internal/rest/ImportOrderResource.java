package org.tongpao.procurement.imports.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.imports.internal.Customs;
import org.tongpao.procurement.imports.internal.CustomsStep;
import org.tongpao.procurement.imports.internal.ImportOrder;
import org.tongpao.procurement.imports.internal.ImportOrders;
import org.tongpao.procurement.imports.internal.ImportStatus;
import org.tongpao.procurement.imports.internal.NewImportOrder;

/** {@code /procurement/import/orders}: import orders, their progress and payment, customs steps, papers, certificates. */
@Component(service = ImportOrderResource.class, property = JaxRs.RESOURCE)
@Path("procurement/import/orders")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.FINANCE, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "International import")
public class ImportOrderResource {
    private static final String ID = "{orderId: [0-9]+}";
    private static final String WRITERS = "The ministry's procurement officers and administrators";
    private final ImportOrders orders;
    private final Customs customs;

    @Activate
    public ImportOrderResource(@Reference ImportOrders orders, @Reference Customs customs) {
        this.orders = orders;
        this.customs = customs;
    }

    @GET
    @Operation(summary = "List import orders", description = "A province's procurement officer sees its province's")
    public Page<ImportOrder> list(@Context Caller caller, @Parameter(description = "ORDERED, CONFIRMED, SHIPPED, "
            + "AT_CUSTOMS, CLEARED, DELIVERED, CANCELLED") @QueryParam("status") String status, @BeanParam PageParams page) {
        return orders.list(caller, QueryParams.enumValue(ImportStatus.class, "status", status), page.limit(), page.cursor());
    }

    @GET
    @Path(ID)
    @Operation(summary = "Get an import order", description = "With the rates at order and payment, customs steps, papers, "
            + "certificates and progress")
    public ImportOrder get(@Context Caller caller, @PathParam("orderId") long id) {
        return orders.get(caller, id);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Place an import order", description = "Orders normally arrive through the channel SPI; this takes "
            + "one directly: {\"orderRef\":\"IMP-1\",\"currency\":\"KRW\",\"buyerProvince\":\"42\",\"lines\":[{\"lineRef\":"
            + "\"1\",\"itemCode\":\"MASK-KF94\",\"quantity\":200000}]}; each line goes to the cheapest offer in the currency, "
            + "the rate in force is fixed with the order")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ImportOrder.class)))
    public Response place(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @NotNull NewImportOrder body) {
        ImportOrder o = orders.place(caller, body, idempotency.key());
        return Created.response(uriInfo, "procurement/import/orders", o.id(), o);
    }

    @POST
    @Path(ID + "/progress")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Report an import order's progress", description = WRITERS + ": {\"status\":\"SHIPPED\",\"note\":"
            + "\"...\"}, CONFIRMED, SHIPPED or DELIVERED (once cleared), forward only; pushed to the platform")
    public ImportOrder progress(@Context Caller caller, @PathParam("orderId") long id,
            @BeanParam IdempotencyHeader idempotency, @NotNull Progress body) {
        return orders.progress(caller, id, body.status(), body.note(), idempotency.key());
    }

    @POST
    @Path(ID + "/payment")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Record the payment", description = WRITERS + ": {\"rate\":0.00531,\"paidAt\":\"...Z\"}: the rate "
            + "the bank applied (the recorded rate in force then when absent); the CNY paid and the difference to the "
            + "order's CNY value follow, exact, rounded once to the fen")
    public ImportOrder pay(@Context Caller caller, @PathParam("orderId") long id, @BeanParam IdempotencyHeader idempotency,
            @NotNull Payment body) {
        return orders.pay(caller, id, body.rate(), body.paidAt(), idempotency.key());
    }

    @POST
    @Path(ID + "/cancellation")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Cancel an import order", description = WRITERS + "; until it ships. Optional {\"reason\":\"...\"}")
    public ImportOrder cancel(@Context Caller caller, @PathParam("orderId") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"reason\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Reason.class))) String body) {
        Reason r = OptionalBody.parse(body, Reason.class, "reason", "the body must be {\"reason\": \"...\"} or empty");
        return orders.cancel(caller, id, r == null ? null : r.reason(), idempotency.key());
    }

    @POST
    @Path(ID + "/customs")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Record a customs step", description = WRITERS + ": {\"step\":\"DECLARED\",\"reference\":"
            + "\"DECL-1\"}; DECLARED (once shipped: AT_CUSTOMS), INSPECTED, DUTIES_PAID (with dutiesCny), CLEARED (needs a "
            + "certificate of every required standard: CLEARED) in that order")
    public ImportOrder customs(@Context Caller caller, @PathParam("orderId") long id,
            @BeanParam IdempotencyHeader idempotency, @NotNull Step body) {
        return customs.step(caller, id, body.step(), body.reference(), body.dutiesCny(), body.note(), idempotency.key());
    }

    @POST
    @Path(ID + "/documents")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Record a paper of the order", description = WRITERS + ": {\"kind\":\"BILL_OF_LADING\",\"number\":"
            + "\"...\",\"issued\":\"2026-02-10\"}; the same paper again changes nothing")
    public ImportOrder document(@Context Caller caller, @PathParam("orderId") long id,
            @BeanParam IdempotencyHeader idempotency, @NotNull Document body) {
        return customs.document(caller, id, body.kind(), body.number(), body.issued(), idempotency.key());
    }

    @POST
    @Path(ID + "/certifications")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Record an import certificate", description = WRITERS + ": {\"itemCode\":\"MASK-KF94\",\"standard\":"
            + "\"GB 2626-2019\",\"certificateNumber\":\"...\",\"issuedBy\":\"CNCA\",\"validUntil\":\"2027-01-31\"}")
    public ImportOrder certify(@Context Caller caller, @PathParam("orderId") long id,
            @BeanParam IdempotencyHeader idempotency, @NotNull Certificate body) {
        return customs.certify(caller, id, body.itemCode(), body.standard(), body.certificateNumber(), body.issuedBy(),
                body.validUntil(), idempotency.key());
    }

    @Schema(name = "ImportOrderProgress")
    public record Progress(ImportStatus status, String note) {
    }

    @Schema(name = "ImportPayment")
    public record Payment(BigDecimal rate, Instant paidAt) {
    }

    @Schema(name = "ImportReason")
    public record Reason(String reason) {
    }

    // distinct schema names: other bundles have a Step and a Document
    @Schema(name = "CustomsStepRecord")
    public record Step(CustomsStep step, String reference, BigDecimal dutiesCny, String note) {
    }

    @Schema(name = "ImportDocumentRecord")
    public record Document(DocumentKind kind, String number, LocalDate issued) {
    }

    @Schema(name = "ImportCertificate")
    public record Certificate(String itemCode, String standard, String certificateNumber, String issuedBy,
            LocalDate validUntil) {
    }
}
