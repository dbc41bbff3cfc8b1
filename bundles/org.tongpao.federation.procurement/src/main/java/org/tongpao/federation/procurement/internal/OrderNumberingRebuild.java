package org.tongpao.federation.procurement.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.federation.RebuildContribution;
import org.tongpao.procurement.ProcurementService;

/**
 * The rebuild's {@code order-numbering} section (federation 1.2): one row, the highest id of the province's orders
 * that central holds a copy of ({@code maxOrderId}) and how many ({@code orders}), from which the rebuilt node numbers
 * its orders (procurement 1.4 {@code continueNumberingAbove}). Central keys the copies by the province's order ids:
 * a numbering restarted at 1 would give a new order the key of an old one's copy, which it would overwrite (or, of a
 * lower version, be dropped). The orders themselves are not restored (their budget commitments are not at central):
 * central keeps their history, the rebuilt node starts without them.
 */
@Component(property = RebuildContribution.SECTION + "=order-numbering")
public class OrderNumberingRebuild implements RebuildContribution {
    private static final Caller READER = Caller.system("rebuild-orders");
    private final ProcurementService procurement;

    @Activate
    public OrderNumberingRebuild(@Reference ProcurementService procurement) {
        this.procurement = procurement;
    }

    @Override
    public Rows read(Connection c, String province, String after, int limit) {
        if (after != null) {
            throw new ValidationException("after", "not a rebuild cursor: use the nextCursor of the previous page");
        }
        ProcurementService.ReplicaNumbering n = procurement.replicaNumbering(READER, "province:" + province);
        return new Rows(n.orders() == 0 ? List.of() : List.of(Map.of("maxOrderId", n.maxOrderId(), "orders",
                n.orders())), null);
    }

    @Override
    public long count(Connection c, String province) {
        return procurement.replicaNumbering(READER, "province:" + province).orders() == 0 ? 0 : 1;
    }

    @Override
    public void apply(Connection c, Caller central, List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            if (!(row.get("maxOrderId") instanceof Number max)) {
                throw new IllegalArgumentException("maxOrderId must be a number");
            }
            procurement.continueNumberingAbove(central, max.longValue());
        }
    }
}
