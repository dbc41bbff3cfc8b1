package org.tongpao.procurement.internal.channels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
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
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.StoredQuote;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.internal.channels.ChannelBodies.ChannelProgressReceipt;

/** {@code /procurement/channels}: the channels with their offers, a quote from one, a pull now, the partners' push. */
@Component(service = ChannelResource.class, property = JaxRs.RESOURCE)
@Path("procurement/channels")
// every reader's roles; the methods that do something name their own
@RolesAllowed({Roles.PROCUREMENT_OFFICER, Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.AUDITOR, Roles.PARTNER})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procurement channels", description = "Suppliers' systems, the procurement centre, import agents plugged in through the channel SPI")
public class ChannelResource {
    private static final String ID = "{channelId: [a-z0-9][a-z0-9-]{0,31}}";

    private final ChannelService channels;
    private final ProgressPoller poller;
    private final ProgressIntake intake;
    /** Stores quotes; optional so that the channels are served (and pushed to) while the orders service comes up. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProcurementService procurement;

    @Activate
    public ChannelResource(@Reference ChannelService channels, @Reference ProgressPoller poller, @Reference ProgressIntake intake) {
        this.channels = channels;
        this.poller = poller;
        this.intake = intake;
    }

    @GET
    @Operation(summary = "List channels", description = "Installed ones with their offers (categories or items, "
            + "DOMESTIC/INTERNATIONAL, currency, lead times, capacity per week) and those seen before (unavailable); "
            + "progress kept for orders not matched yet; a partner account sees only its own")
    public Page<ChannelView> list(@Context Caller caller) {
        return new Page<>(channels.channels().stream().filter(v -> mayRead(caller, v.id())).toList(), null);
    }

    @GET
    @Path(ID)
    @Operation(summary = "Get a channel", description = "Its offer, availability, last problem, last pull")
    public ChannelView get(@Context Caller caller, @PathParam("channelId") String channelId) {
        if (!mayRead(caller, channelId)) {
            throw new NotFoundException(ChannelService.LABEL, channelId);
        }
        return channels.channel(channelId);
    }

    @POST
    @Path(ID + "/quotes")
    @RolesAllowed(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Ask a channel for a quote", description = "{\"deliverToProvince\":\"42\",\"lines\":[{\"itemCode\":"
            + "\"MASK-N95\",\"quantity\":1000}]}; nothing is committed. The answer is stored (201, Location "
            + "/procurement/quotes/{id}) so that it can become a draft order (POST /procurement/quotes/{id}/order). A "
            + "province's buyer asks for its own province only. 409 naming channelId when the channel refuses, is "
            + "unavailable, times out or answers against the contract")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = StoredQuote.class)))
    public Response quote(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("channelId") String channelId,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull ChannelBodies.QuoteRequestBody body) {
        if (caller.provinceCode() != null && !caller.provinceCode().equals(body.deliverToProvince())) {
            throw new AccessDeniedException("A province's buyer asks for quotes for its own province only");
        }
        var request = ChannelBodies.request(body, "RFQ-" + UUID.randomUUID().toString().substring(0, 8));
        ProcurementService orders = procurement;
        if (orders == null) {
            throw new ServiceUnavailableException("the procurement service is starting; try again shortly", 5L);
        }
        StoredQuote q = orders.requestQuote(caller, known(channelId), request, idempotency.key());
        return Created.response(uriInfo, "procurement/quotes", q.id(), q);
    }

    @POST
    @Path(ID + "/poll")
    @RolesAllowed({Roles.PROCUREMENT_OFFICER, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Pull a channel's progress now", description = "As the scheduled pull does (up to 10 pages from "
            + "the stored cursor); 409 for a push-only channel or when the channel fails")
    public ProgressPoller.ChannelPoll poll(@Context Caller caller, @PathParam("channelId") String channelId) {
        return answer(() -> poller.poll(known(channelId)));
    }

    @POST
    @Path(ID + "/progress")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Push progress (partner accounts)", description = "{\"events\":[{\"eventId\":\"E1\",\"channelOrderRef\":"
            + "\"SUP-9\",\"status\":\"SHIPPED\",\"at\":\"...Z\",\"lineRef\":\"L1\",\"quantity\":400,\"documents\":[{\"kind\":"
            + "\"WAYBILL\",\"number\":\"SF-1\"}]}]}; statuses CONFIRMED, IN_PRODUCTION, SHIPPED, AT_CUSTOMS, CLEARED, "
            + "DELIVERED, EXCEPTION (with a note). An event id already received counts as a duplicate, so a retry is safe; "
            + "progress for an order reference not known yet is kept until it is")
    public ChannelProgressReceipt push(@Context Caller caller, @PathParam("channelId") String channelId,
            @Valid @NotNull ChannelBodies.ProgressBody body) {
        if (!caller.hasRole(Roles.PARTNER_SCOPE_PREFIX + channelId)) {
            throw new AccessDeniedException("A partner account pushes progress for its own channel only");
        }
        List<ProgressEvent> events = ChannelBodies.events(body);
        int accepted = intake.accept(known(channelId), events, ProgressStore.Source.PUSH);
        return new ChannelProgressReceipt(events.size(), accepted, events.size() - accepted);
    }

    /** A partner account reads only the channels of its scope; every other reader role reads all. */
    private static boolean mayRead(Caller caller, String channelId) {
        boolean partnerOnly = caller.hasRole(Roles.PARTNER) && !caller.isMinistry() && !caller.hasRole(Roles.PROCUREMENT_OFFICER)
                && !caller.hasRole(Roles.AUDITOR);
        return !partnerOnly || caller.hasRole(Roles.PARTNER_SCOPE_PREFIX + channelId);
    }

    private String known(String channelId) {
        if (!channels.isKnown(channelId)) {
            throw new NotFoundException(ChannelService.LABEL, channelId);
        }
        return channelId;
    }

    /** A channel call whose failure is the channel's: 409 with its message. */
    private interface ChannelCall<T> {
        T run() throws PartnerFailure;
    }

    private static <T> T answer(ChannelCall<T> call) {
        try {
            return call.run();
        } catch (PartnerFailure f) {
            throw new ConflictException(f.getMessage());
        }
    }
}
