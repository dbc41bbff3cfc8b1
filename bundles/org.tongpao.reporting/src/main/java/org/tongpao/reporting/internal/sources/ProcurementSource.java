package org.tongpao.reporting.internal.sources;

import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.reporting.FundingReport;

/** What reporting reads from procurement, in reporting's own types; registered by {@link ProcurementAdapter}. */
public interface ProcurementSource {

    /** Quantities still to be delivered on approved and placed orders, per receiving depot and item. */
    List<OnOrder> onOrder(Caller caller);

    /** Open and received orders by buying province. */
    List<FundingReport.FundingOrderRow> totals(Caller caller);

    record OnOrder(long depotId, long itemId, long outstanding) {
    }
}
