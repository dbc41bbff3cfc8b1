package org.tongpao.reporting.internal.sources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderLine;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.reporting.FundingReport;
import org.tongpao.reporting.internal.AllPages;

/** Purchase orders through procurement's service. */
@Component(service = ProcurementSource.class)
public class ProcurementAdapter implements ProcurementSource {
    private final ProcurementService procurement;

    @Activate
    public ProcurementAdapter(@Reference ProcurementService procurement) {
        this.procurement = procurement;
    }

    private List<PurchaseOrder> orders(Caller caller) {
        return AllPages.read((limit, cursor) -> procurement.orders(caller, OrderFilter.ALL, limit, cursor));
    }

    /** Goods of an order are on their way once it is approved (committed) until received or cancelled. */
    static boolean delivering(OrderStatus s) {
        return s == OrderStatus.APPROVED || s == OrderStatus.PLACED || s == OrderStatus.PARTIALLY_RECEIVED;
    }

    @Override
    public List<OnOrder> onOrder(Caller caller) {
        List<OnOrder> out = new ArrayList<>();
        for (PurchaseOrder o : orders(caller)) {
            if (delivering(o.status())) {
                for (OrderLine l : o.lines()) {
                    if (l.outstanding() > 0) {
                        out.add(new OnOrder(o.depotId(), l.itemId(), l.outstanding()));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public List<FundingReport.FundingOrderRow> totals(Caller caller) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (PurchaseOrder o : orders(caller)) {
            String p = o.provinceCode() == null ? "MINISTRY" : o.provinceCode();
            long[] c = counts.computeIfAbsent(p, k -> new long[2]);
            BigDecimal[] s = sums.computeIfAbsent(p, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (o.status() == OrderStatus.SUBMITTED || delivering(o.status())) {
                c[0]++;
                s[0] = s[0].add(o.totalCny() == null ? BigDecimal.ZERO : o.totalCny());
            }
            if (o.status() == OrderStatus.RECEIVED || o.status() == OrderStatus.PARTIALLY_RECEIVED) {
                c[1]++;
            }
            s[1] = s[1].add(o.spentCny() == null ? BigDecimal.ZERO : o.spentCny());
        }
        List<FundingReport.FundingOrderRow> rows = new ArrayList<>();
        counts.forEach((p, c) -> rows.add(new FundingReport.FundingOrderRow(p, (int) c[0], sums.get(p)[0], (int) c[1],
                sums.get(p)[1])));
        return rows;
    }
}
