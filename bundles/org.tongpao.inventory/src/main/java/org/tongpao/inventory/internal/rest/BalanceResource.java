package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import org.osgi.service.component.annotations.Component;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.StockBalance;

/** {@code /inventory}: stock balances and the national report, summed from balances, never from the ledger. */
@Component(service = BalanceResource.class, property = JaxRs.RESOURCE)
@Path("inventory")
public class BalanceResource extends InventoryApi {
    @GET
    @Path("national")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "National stock by province × category",
            description = READERS_NOTE + "; summed from balances, never from the ledger")
    public Page<ProvinceStock> national(@Context Caller caller, @QueryParam("category") String category) {
        return new Page<>(ledger.nationalStock(caller, QueryParams.text(category)), null);
    }

    @GET
    @Path("balances")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Stock balances", description = READERS_NOTE + "; by=item rolls lots up per depot × item")
    public Page<StockBalance> balances(@Context Caller caller, @QueryParam("province") String province,
            @Parameter(description = "Depot id or code") @QueryParam("depot") String depot,
            @QueryParam("category") String category,
            @Parameter(description = "Item id or code") @QueryParam("item") String item,
            @QueryParam("status") String status,
            @Parameter(description = "lot (default) or item") @QueryParam("by") String by,
            @BeanParam PageParams page) {
        String d = QueryParams.text(depot);
        String i = QueryParams.text(item);
        boolean depotIsId = d != null && d.chars().allMatch(Character::isDigit);
        boolean itemIsId = i != null && i.chars().allMatch(Character::isDigit);
        String grouping = QueryParams.text(by);
        if (grouping != null && !grouping.equals("item") && !grouping.equals("lot")) {
            throw new ValidationException("by", "by must be lot or item");
        }
        BalanceFilter filter = new BalanceFilter(QueryParams.text(province), depotIsId ? Long.valueOf(d) : null,
                depotIsId ? null : d, QueryParams.text(category), itemIsId ? Long.valueOf(i) : null, itemIsId ? null : i,
                QueryParams.enumValue(LotStatus.class, "status", status), "item".equals(grouping));
        return ledger.balances(caller, filter, page.limit(), page.cursor());
    }
}
