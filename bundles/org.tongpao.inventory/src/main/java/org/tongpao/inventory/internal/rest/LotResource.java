package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.osgi.service.component.annotations.Component;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.AnsweredInOneCommit;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.LotTrace;

/** {@code /inventory/lots}: lots, one lot, a lot's status. */
@Component(service = LotResource.class, property = JaxRs.RESOURCE)
@AnsweredInOneCommit // stock writes touch only this node's database (their events go through the outbox)
@Path("inventory/lots")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
public class LotResource extends InventoryApi {
    @GET
    @Operation(summary = "List lots", description = READERS_NOTE + "; keyset-paged by id")
    public Page<Lot> lots(@Context Caller caller, @QueryParam("depot") String depot, @QueryParam("item") String item,
            @Parameter(description = "AVAILABLE, QUARANTINED, RECALLED, EXPIRED") @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return ledger.lots(caller, QueryParams.id("depot", depot), QueryParams.id("item", item),
                QueryParams.enumValue(LotStatus.class, "status", status), page.limit(), page.cursor());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one lot", description = "404 also when outside the caller's scope")
    public Lot lot(@Context Caller caller, @PathParam("id") long id) {
        return ledger.lot(caller, id);
    }

    @GET
    @Path("{id}/trace")
    @Operation(summary = "Where a lot's goods went", description = "The lot, its ancestors, every lot derived from it "
            + "through transfers (also when split over several), their movements in time order (counts and other "
            + "adjustments included), the transfers with their source documents, designation overrides and the org "
            + "units that received the goods; 404 when the lot is outside the caller's scope. Without limit and "
            + "cursor the whole trace (409 when the lot was split into more than 5,000 lots); with either, a page "
            + "of at most limit derived lots (id order) with their movements, transfers, overrides and receivers, "
            + "and nextCursor for the next page (null on the last)")
    public LotTrace trace(@Context Caller caller, @PathParam("id") long id, @BeanParam PageParams page) {
        return page.getLimit() == null && page.cursor() == null ? ledger.trace(caller, id)
                : ledger.trace(caller, id, page.limit(), page.cursor());
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Change a lot's status", description = "Quarantine, recall, expire or release; audited")
    public Lot lotStatus(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid LotStatusChange body) {
        return ledger.changeLotStatus(caller, id, body, idempotency.key());
    }
}
