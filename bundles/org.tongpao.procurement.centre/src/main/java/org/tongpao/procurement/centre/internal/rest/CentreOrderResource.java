package org.tongpao.procurement.centre.internal.rest;

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
import org.tongpao.procurement.centre.internal.CentreOrder;
import org.tongpao.procurement.centre.internal.CentreOrderStatus;
import org.tongpao.procurement.centre.internal.CentreOrders;
import org.tongpao.procurement.centre.internal.NewCentreOrder;

/** {@code /procurement/centre/orders}: orders at the centre, their progress, emergency procurement. */
@Component(service = CentreOrderResource.class, property = JaxRs.RESOURCE)
@Path("procurement/centre/orders")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procurement centre")
public class CentreOrderResource {
    private static final String WRITE_NOTE = "The ministry's procurement officers and administrators";
    private final CentreOrders orders;

    @Activate
    public CentreOrderResource(@Reference CentreOrders orders) {
        this.orders = orders;
    }

    @GET
    @Operation(summary = "List the centre's orders", description = "A province's procurement officer sees its province's")
    public Page<CentreOrder> list(@Context Caller caller,
            @Parameter(description = "PLACED, CONFIRMED, IN_PRODUCTION, SHIPPED, DELIVERED, CANCELLED")
            @QueryParam("status") String status, @BeanParam PageParams page) {
        return orders.list(caller, QueryParams.enumValue(CentreOrderStatus.class, "status", status), page.limit(),
                page.cursor());
    }

    @GET
    @Path("{orderId: [0-9]+}")
    @Operation(summary = "Get an order at the centre", description = "With its progress, oldest first")
    public CentreOrder get(@Context Caller caller, @PathParam("orderId") long id) {
        return orders.get(caller, id);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Place an order at the centre", description = "Orders normally arrive through the channel SPI; "
            + "this records one taken directly, e.g. an emergency procurement: {\"orderRef\":\"EP-1\",\"itemCode\":"
            + "\"MASK-N95\",\"quantity\":5000,\"agreementCode\":\"FA-1\",\"emergency\":true,\"justification\":\"...\","
            + "\"approvedBy\":\"director-li\"}. Emergency: single source (the named agreement), expedited, the "
            + "ministry's buyers only. Without agreementCode the cheapest agreement able to deliver by neededBy")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CentreOrder.class)))
    public Response place(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @NotNull NewCentreOrder body) {
        CentreOrder o = orders.place(caller, body, idempotency.key());
        return Created.response(uriInfo, "procurement/centre/orders", o.id(), o);
    }

    @POST
    @Path("{orderId: [0-9]+}/progress")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Report an order's progress", description = WRITE_NOTE + ": {\"status\":\"CONFIRMED\","
            + "\"note\":\"...\"}, status CONFIRMED, IN_PRODUCTION, SHIPPED or DELIVERED, forward only; pushed to the platform")
    public CentreOrder progress(@Context Caller caller, @PathParam("orderId") long id,
            @BeanParam IdempotencyHeader idempotency, @NotNull Progress body) {
        return orders.progress(caller, id, body.status(), body.note(), idempotency.key());
    }

    @POST
    @Path("{orderId: [0-9]+}/cancellation")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Cancel an order at the centre", description = WRITE_NOTE + "; until it ships. Optional body "
            + "{\"reason\":\"...\"}")
    public CentreOrder cancel(@Context Caller caller, @PathParam("orderId") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"reason\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementResource.Reason.class))) String body) {
        AgreementResource.Reason r = OptionalBody.parse(body, AgreementResource.Reason.class, "reason",
                "the body must be {\"reason\": \"...\"} or empty");
        return orders.cancel(caller, id, r == null ? null : r.reason(), idempotency.key());
    }

    /** An order's progress as the centre's officer reports it. */
    @Schema(name = "CentreOrderProgress")
    public record Progress(CentreOrderStatus status, String note) {
    }
}
