package org.tongpao.procurement.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.CapacityOffer;

/**
 * The ministry's question to industry during a shortage: for an item, which qualified suppliers can deliver how
 * much by a date. A supplier delivers from today plus its lead time at its weekly capacity, less what its open
 * orders for the item (submitted to partly received) still take.
 */
final class CapacityView {
    private static final String OPEN = "'SUBMITTED', 'APPROVED', 'PLACED', 'PARTIALLY_RECEIVED'";

    /** A qualified supplier's row before the arithmetic. */
    record Row(long supplierId, String code, String name, String country, String provinceCode, String standard,
            long weeklyCapacity, int leadTimeDays, long onOrder) {
    }

    private final ProcurementContext ctx;

    CapacityView(ProcurementContext ctx) {
        this.ctx = ctx;
    }

    List<CapacityOffer> capacity(Caller caller, long itemId, LocalDate by) {
        LocalDate today = ctx.today();
        if (by == null || by.isBefore(today)) {
            throw new ValidationException("by", "by must be a date from today on");
        }
        ctx.item(caller, "item", itemId);
        List<Row> rows = Transactions.read(ctx.ds, c -> Jdbc.query(c, "SELECT s.id, s.code, s.name, s.country, "
                + "s.province_code, q.standard, q.weekly_capacity, q.lead_time_days, "
                + "(SELECT COALESCE(SUM(l.quantity - l.accepted_quantity - l.rejected_quantity), 0) "
                + "FROM tp_proc_order_line l JOIN tp_proc_order o ON o.id = l.order_id WHERE o.supplier_id = s.id "
                + "AND l.item_id = q.item_id AND o.status IN (" + OPEN + ")) AS on_order "
                + "FROM tp_proc_qualification q JOIN tp_proc_supplier s ON s.id = q.supplier_id "
                + "WHERE q.item_id = ? AND s.active = ?", args(itemId, true),
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getLong(9))));
        return rows.stream().filter(r -> ProcurementScope.canReadSupplier(caller, r.provinceCode()))
                .map(r -> offer(r, today, by))
                .sorted(Comparator.comparingLong(CapacityOffer::availableBy).reversed()
                        .thenComparingInt(CapacityOffer::leadTimeDays))
                .toList();
    }

    /** What one supplier can still deliver by {@code by}: whole days of production at its weekly rate. */
    static CapacityOffer offer(Row r, LocalDate today, LocalDate by) {
        LocalDate first = today.plusDays(r.leadTimeDays());
        long days = by.isBefore(first) ? 0 : ChronoUnit.DAYS.between(first, by) + 1;
        long producible = r.weeklyCapacity() * days / 7;
        return new CapacityOffer(r.supplierId(), r.code(), r.name(), r.country(), r.standard(), r.weeklyCapacity(),
                r.leadTimeDays(), first, r.onOrder(), Math.max(0, producible - r.onOrder()));
    }
}
