package org.tongpao.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.internal.ProcurementFixture.ADMIN;
import static org.tongpao.procurement.internal.ProcurementFixture.AUDITOR;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER2;
import static org.tongpao.procurement.internal.ProcurementFixture.HUBEI;
import static org.tongpao.procurement.internal.ProcurementFixture.HUBEI_BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.JIANGSU_BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.KEEPER;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.procurement.GoodsReceipt;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.ReceiptLineRequest;
import org.tongpao.procurement.ReceiptRequest;
import org.tongpao.procurement.Supplier;

class ProcurementServiceTest {
    private final ProcurementFixture f = new ProcurementFixture();
    private final JdbcProcurementService p = f.procurement;

    @AfterEach
    void close() {
        f.close();
    }

    /** The field a refusal names (400, 404, 409). */
    static String field(Throwable e) {
        if (e instanceof ValidationException v) {
            return v.field();
        }
        if (e instanceof ConflictException c) {
            return c.field();
        }
        return e instanceof NotFoundException n ? n.field() : null;
    }

    private PurchaseOrder placedEmergencyOrder(long quantity) {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, quantity, true), null);
        p.submit(BUYER, o.id(), null);
        p.approve(BUYER, o.id(), "Wuhan hospitals run out of masks within two days", null);
        return p.place(BUYER, o.id(), null);
    }

    private static ReceiptRequest delivery(PurchaseOrder o, long accepted, long rejected, String reason) {
        return new ReceiptRequest("DN-" + accepted, null, null, null, List.of(new ReceiptLineRequest(
                o.lines().get(0).id(), accepted, rejected, reason, "GB 19083-2010", "CERT-2026-0042", "B20260201",
                java.time.LocalDate.parse("2029-01-31"))));
    }

    @Test
    void anEmergencyOrderIsApprovedByOnePersonWithAJustificationAndCommitsItsAmount() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, 10_000, true), "k-create");
        assertThat(o.status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(o.number()).startsWith("PO-C-");
        assertThat(o.totalCny()).isEqualByComparingTo("25000.00");
        p.submit(BUYER, o.id(), null);
        assertThatThrownBy(() -> p.approve(BUYER, o.id(), null, null)).isInstanceOf(ValidationException.class)
                .extracting(ProcurementServiceTest::field).isEqualTo("justification");

        PurchaseOrder approved = p.approve(BUYER, o.id(), "Wuhan hospitals run out of masks within two days", null);

        assertThat(approved.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(approved.approvals()).singleElement().satisfies(a -> {
            assertThat(a.approver()).isEqualTo("buyer");
            assertThat(a.emergency()).isTrue();
            assertThat(a.justification()).contains("Wuhan");
        });
        assertThat(approved.justification()).contains("Wuhan");
        assertThat(f.line(line).committed()).isEqualByComparingTo("25000.00");
        assertThat(f.topics()).containsSubsequence("order/CREATED", "order/SUBMITTED", "order/APPROVED");
    }

    @Test
    void aNormalOrderNeedsTwoDifferentApprovers() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, 1_000, false), null);
        p.submit(BUYER, o.id(), null);

        assertThat(p.approve(BUYER, o.id(), null, null).status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(f.line(line).committed()).isZero();
        assertThatThrownBy(() -> p.approve(BUYER, o.id(), null, null)).isInstanceOf(ConflictException.class)
                .extracting(ProcurementServiceTest::field).isEqualTo("approver");
        PurchaseOrder approved = p.approve(BUYER2, o.id(), null, null);

        assertThat(approved.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(approved.approvals()).extracting(a -> a.approver()).containsExactly("buyer", "buyer2");
        assertThat(f.line(line).committed()).isEqualByComparingTo("2500.00");
    }

    @Test
    void anExhaustedBudgetLineRefusesTheApprovalAndNothingIsCommittedOrRecorded() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "1000");
        PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, 1_000, true), null);
        p.submit(BUYER, o.id(), null);

        assertThatThrownBy(() -> p.approve(BUYER, o.id(), "Wuhan hospitals run out of masks", "k-approve"))
                .isInstanceOf(ConflictException.class);

        PurchaseOrder after = p.order(BUYER, o.id());
        assertThat(after.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(after.approvals()).isEmpty();
        assertThat(f.line(line).committed()).isZero();
        assertThat(f.realFunding.commitments(ADMIN, line, 50, null).items()).isEmpty();
        assertThat(f.topics()).doesNotContain("order/APPROVED");
    }

    @Test
    void deliveriesInTwoPartsWithARejectedCartonBecomeLotsWhoseOriginIsTheOrderLine() {
        PurchaseOrder o = placedEmergencyOrder(1_000);
        long line = o.budgetLineId();

        GoodsReceipt first = p.receive(KEEPER, o.id(), delivery(o, 600, 0, null), "r-1");
        assertThat(first.orderStatus()).isEqualTo(OrderStatus.PARTIALLY_RECEIVED);
        GoodsReceipt second = p.receive(KEEPER, o.id(), delivery(o, 350, 50, "one carton wet and torn"), "r-2");
        assertThat(second.orderStatus()).isEqualTo(OrderStatus.RECEIVED);
        // the same key again changes nothing
        assertThat(p.receive(KEEPER, o.id(), delivery(o, 350, 50, "one carton wet and torn"), "r-2").id())
                .isEqualTo(second.id());

        List<Lot> lots = f.inventory.lots(ADMIN, f.depot("HB-WH-01"), f.item("MASK-MEDPROT"), null, 50, null).items();
        assertThat(lots).extracting(Lot::receivedQuantity).containsExactly(600L, 350L);
        assertThat(lots).allSatisfy(l -> {
            assertThat(l.origin()).isEqualTo(LotOrigin.PURCHASE_ORDER);
            assertThat(l.sourceDocument()).isEqualTo(o.number() + "/1");
            assertThat(l.expiryDate()).isEqualTo("2029-01-31");
        });
        assertThat(second.lines()).singleElement().satisfies(r -> {
            assertThat(r.rejectedQuantity()).isEqualTo(50);
            assertThat(r.rejectReason()).contains("carton");
            assertThat(r.lotId()).isEqualTo(lots.get(1).id());
        });
        PurchaseOrder received = p.order(BUYER, o.id());
        assertThat(received.lines().get(0).acceptedQuantity()).isEqualTo(950);
        assertThat(received.spentCny()).isEqualByComparingTo("2375.00");
        // 950 × 2.50 spent; the rejected 50 released, nothing left committed
        assertThat(f.line(line).spent()).isEqualByComparingTo("2375.00");
        assertThat(f.line(line).committed()).isZero();
        Supplier supplier = p.supplier(BUYER, o.supplierId());
        assertThat(supplier.performance().deliveries()).isEqualTo(2);
        assertThat(supplier.performance().rejected()).isEqualTo(50);
        assertThat(f.topics()).containsSubsequence("order/PLACED", "order/PARTIALLY_RECEIVED", "order/RECEIVED");
    }

    @Test
    void aReceiptAnswersWhatItStoredAndAuditsTheReceiptAndOnlyTheOrdersStatusChanges() {
        PurchaseOrder o = placedEmergencyOrder(1_000);
        GoodsReceipt first = p.receive(KEEPER, o.id(), delivery(o, 300, 0, null), "r-a");
        GoodsReceipt second = p.receive(KEEPER, o.id(), delivery(o, 300, 0, null), "r-b");
        GoodsReceipt last = p.receive(KEEPER, o.id(), delivery(o, 350, 50, "one carton wet and torn"), "r-c");

        // the answer is built in the receipt's transaction: it is what a later read finds (which shows the order's
        // current status, where the answer shows the status the receipt left)
        assertThat(p.receipts(KEEPER, o.id())).usingRecursiveFieldByFieldElementComparatorIgnoringFields("orderStatus")
                .containsExactly(first, second, last);
        assertThat(List.of(first.orderStatus(), second.orderStatus())).containsOnly(OrderStatus.PARTIALLY_RECEIVED);
        assertThat(p.receive(KEEPER, o.id(), delivery(o, 300, 0, null), "r-b").id()).isEqualTo(second.id());
        assertThat(last.orderStatus()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(p.order(BUYER, o.id()).lines().get(0).acceptedQuantity()).isEqualTo(950);

        List<String> receiptAudit = audit("goods-receipt", null);
        assertThat(receiptAudit).hasSize(3).allSatisfy(a -> assertThat(a).startsWith("receive|null|{")
                .contains("\"certificateNumber\"").doesNotContain("\"approvals\""));
        // one order row per change of status (the first partial delivery, the last), with that change only
        assertThat(audit("purchase-order", "receive")).containsExactly(
                "receive|{\"spentCny\":0.00,\"status\":\"PLACED\"}|{\"receiptId\":" + first.id()
                        + ",\"spentCny\":750.00,\"status\":\"PARTIALLY_RECEIVED\"}",
                "receive|{\"spentCny\":1500.00,\"status\":\"PARTIALLY_RECEIVED\"}|{\"receiptId\":" + last.id()
                        + ",\"spentCny\":2375.00,\"status\":\"RECEIVED\"}");
        assertThat(f.topics()).containsSubsequence("order/PLACED", "order/PARTIALLY_RECEIVED", "receipt/RECORDED",
                "receipt/RECORDED", "order/RECEIVED", "receipt/RECORDED");
        assertThat(f.topics().stream().filter(t -> t.equals("order/PARTIALLY_RECEIVED"))).hasSize(1);
    }

    @Test
    void receiptsOfFourOrdersIntoOneDepotInParallelAllLand() throws Exception {
        List<PurchaseOrder> orders = new java.util.ArrayList<>();
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        for (int i = 0; i < 4; i++) {
            // each order on a budget line of its own, as depots' own deliveries are
            long line = f.budgetLine("MINISTRY", "100000");
            PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, 1_000, true), null);
            p.submit(BUYER, o.id(), null);
            p.approve(BUYER, o.id(), "Wuhan hospitals run out of masks within two days", null);
            orders.add(p.place(BUYER, o.id(), null));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (PurchaseOrder o : orders) {
                done.add(pool.submit(() -> {
                    for (int n = 0; n < 10; n++) {
                        p.receive(KEEPER, o.id(), delivery(o, 10, 0, null), null);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> d : done) {
                d.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (PurchaseOrder o : orders) {
            assertThat(p.order(BUYER, o.id()).lines().get(0).acceptedQuantity()).isEqualTo(100);
            assertThat(f.line(o.budgetLineId()).spent()).isEqualByComparingTo("250.00");
        }
        assertThat(f.inventory.lots(ADMIN, f.depot("HB-WH-01"), f.item("MASK-MEDPROT"), null, 50, null).items())
                .hasSize(40);
    }

    /** {@code action|before|after} of the audit rows of {@code entity} (and {@code action}, when given), in order. */
    private List<String> audit(String entity, String action) {
        return org.tongpao.core.persistence.Transactions.read(f.ds, c -> org.tongpao.core.persistence.Jdbc.query(c,
                "SELECT action, before_json, after_json FROM tp_audit WHERE entity = ?"
                        + (action == null ? "" : " AND action = ?") + " ORDER BY id",
                action == null ? List.of(entity) : List.of(entity, action),
                rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)));
    }

    @Test
    void aReceiptIsOneTransactionWithTheInventoryAndTheMoney() {
        PurchaseOrder o = placedEmergencyOrder(1_000);
        f.failNextSpend = new ConflictException("amount", "funding refused");

        assertThatThrownBy(() -> p.receive(KEEPER, o.id(), delivery(o, 600, 0, null), null))
                .hasMessageContaining("funding refused");

        assertThat(f.inventory.lots(ADMIN, f.depot("HB-WH-01"), f.item("MASK-MEDPROT"), null, 50, null).items())
                .isEmpty();
        PurchaseOrder after = p.order(BUYER, o.id());
        assertThat(after.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(after.lines().get(0).acceptedQuantity()).isZero();
        assertThat(p.receipts(BUYER, o.id())).isEmpty();
    }

    @Test
    void inspectionRefusesGoodsOfAnotherStandardAndMoreThanIsOutstanding() {
        PurchaseOrder o = placedEmergencyOrder(100);
        ReceiptLineRequest kn95 = new ReceiptLineRequest(o.lines().get(0).id(), 100L, 0L, null, "GB 2626-2019",
                "C", "B", java.time.LocalDate.parse("2029-01-31"));
        assertThatThrownBy(() -> p.receive(KEEPER, o.id(), new ReceiptRequest(null, null, null, null,
                List.of(kn95)), null)).extracting(ProcurementServiceTest::field).isEqualTo("lines[0].standard");
        assertThatThrownBy(() -> p.receive(KEEPER, o.id(), delivery(o, 101, 0, null), null))
                .isInstanceOf(ConflictException.class)
                .extracting(ProcurementServiceTest::field).isEqualTo("lines[0].acceptedQuantity");
    }

    @Test
    void cancellingReleasesTheCommitment() {
        PurchaseOrder o = placedEmergencyOrder(1_000);
        assertThatThrownBy(() -> p.cancel(BUYER, o.id(), " ", null)).isInstanceOf(ValidationException.class);
        PurchaseOrder cancelled = p.cancel(BUYER, o.id(), "supplier cannot deliver", null);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.line(o.budgetLineId()).committed()).isZero();
        assertThatThrownBy(() -> p.receive(KEEPER, o.id(), delivery(o, 1, 0, null), null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aProvinceSeesAndChangesOnlyItsOwnOrders() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long hubeiLine = f.budgetLine("42", "50000");
        PurchaseOrder hubei = p.createOrder(HUBEI_BUYER, f.maskOrder(supplier, "HB-WH-01", hubeiLine, 100, false),
                null);
        assertThat(hubei.provinceCode()).isEqualTo("42");
        assertThat(hubei.number()).startsWith("PO-42-");

        assertThatThrownBy(() -> p.order(JIANGSU_BUYER, hubei.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p.submit(JIANGSU_BUYER, hubei.id(), null)).isInstanceOf(NotFoundException.class);
        assertThat(p.orders(JIANGSU_BUYER, OrderFilter.ALL, 50, null).items()).isEmpty();
        assertThat(p.orders(HUBEI, OrderFilter.ALL, 50, null).items()).extracting(PurchaseOrder::id)
                .containsExactly(hubei.id());
        assertThat(p.orders(KEEPER, OrderFilter.ALL, 50, null).items()).hasSize(1);
        assertThat(p.orders(BUYER, OrderFilter.ALL, 50, null).items()).hasSize(1);
        // a Jiangsu buyer can neither deliver to a Hubei depot nor pay from Hubei's line
        NewOrder intoHubei = f.maskOrder(supplier, "HB-WH-01", f.budgetLine("32", "100"), 1, false);
        assertThatThrownBy(() -> p.createOrder(JIANGSU_BUYER, intoHubei, null))
                .extracting(ProcurementServiceTest::field).isEqualTo("depotId");
        NewOrder hubeiMoney = f.maskOrder(supplier, "JS-PROV-01", hubeiLine, 1, false);
        assertThatThrownBy(() -> p.createOrder(JIANGSU_BUYER, hubeiMoney, null))
                .extracting(ProcurementServiceTest::field).isEqualTo("budgetLineId");
        assertThatThrownBy(() -> p.createOrder(AUDITOR, intoHubei, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> p.createOrder(HUBEI, intoHubei, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void contactsArePersonalDataForBuyersOnly() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        assertThat(p.supplier(BUYER, supplier).contact().name()).isEqualTo("Li Na");
        assertThat(p.supplier(HUBEI_BUYER, supplier).contact()).isNotNull();
        assertThat(p.supplier(AUDITOR, supplier).contact()).isNull();
        assertThat(p.suppliers(HUBEI, null, 50, null).items()).singleElement()
                .satisfies(s -> assertThat(s.contact()).isNull());
    }

    @Test
    void suppliersListByTheItemTheyAreQualifiedForWithinTheCallersProvince() {
        long national = f.maskMaker(BUYER, "MM-01", null);
        long hubei = f.maskMaker(HUBEI_BUYER, "HB-MM-01", null);

        assertThat(p.suppliers(BUYER, f.item("MASK-MEDPROT"), 50, null).items()).extracting(Supplier::id)
                .containsExactly(national, hubei);
        assertThat(p.suppliers(BUYER, f.item("MASK-KN95"), 50, null).items()).isEmpty();
        assertThat(p.suppliers(HUBEI_BUYER, f.item("MASK-MEDPROT"), 50, null).items()).extracting(Supplier::id)
                .containsExactly(national, hubei);
        assertThat(p.suppliers(JIANGSU_BUYER, null, 50, null).items()).extracting(Supplier::id)
                .containsExactly(national);
        assertThat(p.suppliers(BUYER, null, 1, null).nextCursor()).isNotNull();
    }

    @Test
    void aProvincesOwnSuppliersStayInTheProvince() {
        long hubeiSupplier = f.maskMaker(HUBEI_BUYER, "HB-MM-01", null);
        assertThat(p.supplier(HUBEI_BUYER, hubeiSupplier).provinceCode()).isEqualTo("42");
        assertThatThrownBy(() -> p.supplier(JIANGSU_BUYER, hubeiSupplier)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.maskMaker(HUBEI_BUYER, "HB-MM-02", "32"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOrderNeedsASupplierQualifiedForTheItemsStandard() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "1000");
        NewOrder kn95 = new NewOrder(supplier, f.depot("HB-WH-01"), line, "CNY", null, false, null, null, null,
                List.of(new NewOrderLine(f.item("MASK-KN95"), 10L, BigDecimal.ONE, null, f.today())));
        assertThatThrownBy(() -> p.createOrder(BUYER, kn95, null)).isInstanceOf(ConflictException.class)
                .extracting(ProcurementServiceTest::field).isEqualTo("lines[0].itemId");
    }

    @Test
    void capacityCountsWhatOpenOrdersAlreadyTake() {
        placedEmergencyOrder(10_000);
        long item = f.item("MASK-MEDPROT");
        // from day 3 on, 50,000 a week: by day 9 seven days = 50,000, less the 10,000 on order
        assertThat(p.capacity(BUYER, item, f.today().plusDays(9))).singleElement().satisfies(c -> {
            assertThat(c.onOrder()).isEqualTo(10_000);
            assertThat(c.availableBy()).isEqualTo(40_000);
        });
    }
}
