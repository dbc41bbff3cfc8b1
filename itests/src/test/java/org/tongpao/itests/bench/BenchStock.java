package org.tongpao.itests.bench;

import java.time.LocalDate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.StockLedger;

/** What a write benchmark issues: KN95 masks from Hubei's provincial depot to Wuhan's bureau (demo data). */
record BenchStock(long depot, long item, long unit) {

    /** Looks the three up and receives {@code quantity} as an opening balance, enough for the whole run. */
    static BenchStock received(BundleContext context, StockLedger ledger, long quantity) {
        Caller system = Caller.system("bench");
        BenchStock s = new BenchStock(service(context, DepotService.class).getByCode(system, "HB-PROV-01").id(),
                service(context, CatalogueService.class).getByCode(system, "MASK-KN95").id(),
                service(context, OrgUnitService.class).getByCode(system, "P42-WUHAN").id());
        ledger.receive(system, new NewReceipt(s.depot, s.item, quantity, LotOrigin.OPENING_BALANCE, "BENCH-OPENING",
                LocalDate.now().plusYears(2), null), null);
        return s;
    }

    private static <T> T service(BundleContext context, Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        if (ref == null) {
            throw new IllegalStateException(type.getSimpleName() + " is not registered");
        }
        return context.getService(ref);
    }
}
