package org.tongpao.federation.procurement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.federation.testing.FederatedNode;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.FundingTopics;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.internal.FundingSchema;
import org.tongpao.funding.internal.JdbcFundingService;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.Qualification;
import org.tongpao.procurement.ReceiptLineRequest;
import org.tongpao.procurement.ReceiptRequest;
import org.tongpao.procurement.internal.JdbcProcurementService;
import org.tongpao.procurement.internal.ProcurementSchema;

/** One node with inventory, funding and procurement, the order and budget-line forwarders recording. */
final class ProcurementNode extends FederatedNode implements TestCallers {
    final JdbcFundingService funding;
    final JdbcProcurementService procurement;

    ProcurementNode(String id, List<String> provinces) {
        super(id, provinces);
        InventoryComponent inventory = TestInventory.on(core);
        funding = new JdbcFundingService(TestCore.migrate(core.ds, FundingSchema.NAME, FundingSchema.class,
                FundingSchema.MIGRATIONS, FundingSchema.HISTORY), core.audit, core.keys, core.provinces,
                core.outbox);
        procurement = new JdbcProcurementService(TestCore.migrate(core.ds, ProcurementSchema.NAME,
                ProcurementSchema.class, ProcurementSchema.MIGRATIONS, ProcurementSchema.HISTORY), core.catalogue,
                core.depots, inventory, funding, core.audit, core.keys, core.outbox, null);
        core.outbox.forward(new OrderForwarder(federation, core.node, procurement),
                ProcurementTopics.ORDER_CREATED, ProcurementTopics.ORDER_SUBMITTED,
                ProcurementTopics.ORDER_APPROVAL_RECORDED, ProcurementTopics.ORDER_APPROVED,
                ProcurementTopics.ORDER_PLACED, ProcurementTopics.ORDER_CANCELLED,
                ProcurementTopics.RECEIPT_RECORDED);
        core.outbox.forward(new BudgetLineForwarder(federation, core.node), FundingTopics.LINE_CREATED,
                FundingTopics.LINE_ADJUSTED, FundingTopics.COMMITTED, FundingTopics.SPENT, FundingTopics.RELEASED);
    }

    long item(String code) {
        return core.itemId(code);
    }

    long depot(String code) {
        return core.depotId(code);
    }

    /** Hubei buys 1,000 masks at 2.50 on its own line of 10,000 CNY: an emergency order, placed, 600 received. */
    PurchaseOrder buys(Caller buyer) {
        long line = funding.createLine(ADMIN, new NewBudgetLine("HB-EPI-2026", "Hubei epidemic budget",
                FundingSource.PROVINCIAL_BUDGET, "42", "MASK", new BigDecimal("10000"), null), null).id();
        long supplier = procurement.createSupplier(buyer, new NewSupplier("HB-MASK-01", "Wuhan mask works", "CN",
                null, null, List.of(new Qualification(item("MASK-MEDPROT"), null, "GB 19083-2010", 50_000L, 3,
                        "CERT-1", null))), null).id();
        PurchaseOrder o = procurement.createOrder(buyer, new NewOrder(supplier, depot("HB-WH-01"), line,
                "CNY", null, true, null, null, null, List.of(new NewOrderLine(item("MASK-MEDPROT"), 1000L,
                        new BigDecimal("2.50"), null, LocalDate.now().plusDays(5)))), null);
        procurement.submit(buyer, o.id(), null);
        procurement.approve(buyer, o.id(), "Wuhan hospitals run out of masks within two days", null);
        procurement.place(buyer, o.id(), null);
        return procurement.receive(HUBEI, o.id(), new ReceiptRequest("DN-1", null, null, null, List.of(
                new ReceiptLineRequest(o.lines().get(0).id(), 600L, 0L, null, "GB 19083-2010", "CERT-2026-0042",
                        "B20260201", LocalDate.now().plusYears(3)))), null) == null ? null
                : procurement.order(buyer, o.id());
    }
}
