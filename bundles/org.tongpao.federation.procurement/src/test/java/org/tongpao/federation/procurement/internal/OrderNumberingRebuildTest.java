package org.tongpao.federation.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;
import org.tongpao.federation.RebuildContribution;
import org.tongpao.federation.testing.FederatedNode;
import org.tongpao.federation.testing.RebuildPull;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;

/**
 * The rebuild's {@code order-numbering} section: a Hubei node that lost its disk numbers its next order above every
 * order central holds a copy of, so the new order's copy at central is a new one, not an overwrite of (or dropped as
 * an older version of) an old order's.
 */
class OrderNumberingRebuildTest implements TestCallers {
    private static final Caller BUYER = Caller.of("hubei-buyer", Set.of("procurement-officer", "province-42"), "hb");
    private static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "fed-42");
    private static final Caller CENTRAL_LINK = Caller.of("node:central", Set.of("ministry-admin"), "rebuild-1");
    private final ProcurementNode central = new ProcurementNode("central", List.of("province:42", "province:32"));
    private final ProcurementNode lost = new ProcurementNode("province:42", List.of());
    private final ProcurementNode rebuilt = new ProcurementNode("province:42", List.of());
    private final OrderChangedHandler orders = new OrderChangedHandler(central.procurement);

    @AfterEach
    void close() {
        central.close();
        lost.close();
        rebuilt.close();
    }

    /** The node's orders up to central as its inbox reads them (through JSON); its budget lines are not in this. */
    private void ordersUp(ProcurementNode node) throws Exception {
        for (Message m : node.federation.sent) {
            if (m.type().equals(ProcurementContracts.ORDER)) {
                central.apply(orders, FederatedNode.overTheWire(m), HUBEI_LINK);
            }
        }
        node.federation.sent.clear();
    }

    private List<PurchaseOrder> copies() {
        return central.procurement.orders(ADMIN, OrderFilter.ALL, 50, null).items().stream()
                .map(o -> central.procurement.order(ADMIN, o.id())).toList();
    }

    @Test
    void aNewOrderAfterTheRebuildIsNumberedAboveCentralsCopiesAndLeavesThemAlone() throws Exception {
        PurchaseOrder old = lost.buys(BUYER);
        ordersUp(lost);
        PurchaseOrder oldCopy = copies().get(0);
        OrderNumberingRebuild atCentral = new OrderNumberingRebuild(central.procurement);
        long hubei = Transactions.read(central.core.ds, c -> atCentral.count(c, "42"));
        long jiangsu = Transactions.read(central.core.ds, c -> atCentral.count(c, "32"));
        assertThat(hubei).isEqualTo(1);
        assertThat(jiangsu).isZero();

        int pages = RebuildPull.section(central, atCentral, "42", rebuilt, new OrderNumberingRebuild(
                rebuilt.procurement), CENTRAL_LINK, 500);
        assertThat(pages).isEqualTo(1);
        PurchaseOrder fresh = rebuilt.buys(BUYER);
        assertThat(fresh.id()).isGreaterThan(old.id());
        assertThat(fresh.number()).isNotEqualTo(old.number());
        ordersUp(rebuilt);

        List<PurchaseOrder> after = copies();
        assertThat(after).extracting(PurchaseOrder::source).containsExactlyInAnyOrder("province:42/" + old.id(),
                "province:42/" + fresh.id());
        assertThat(after).filteredOn(o -> o.source().equals("province:42/" + old.id())).singleElement()
                .as("the old order's copy at central is untouched")
                .satisfies(o -> {
                    assertThat(o.number()).isEqualTo(oldCopy.number());
                    assertThat(o.version()).isEqualTo(oldCopy.version());
                    assertThat(o.asOf()).isEqualTo(oldCopy.asOf());
                    assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_RECEIVED);
                });

        // applied again (a resumed run re-reads the page it did not commit): the numbering does not move back
        RebuildPull.section(central, atCentral, "42", rebuilt, new OrderNumberingRebuild(rebuilt.procurement),
                CENTRAL_LINK, 500);
        PurchaseOrder next = rebuilt.procurement.createOrder(BUYER, new NewOrder(fresh.supplierId(), fresh.depotId(),
                fresh.budgetLineId(), "CNY", null, false, null, null, null, List.of(new NewOrderLine(
                        rebuilt.item("MASK-MEDPROT"), 10L, new BigDecimal("2.50"), null, LocalDate.now()))), null);
        assertThat(next.id()).isGreaterThan(fresh.id());
    }

    @Test
    void aProvinceCentralHoldsNoOrdersOfHasAnEmptySectionAndAForeignCursorIsRefused() {
        OrderNumberingRebuild atCentral = new OrderNumberingRebuild(central.procurement);
        RebuildContribution.Rows page = RebuildPull.page(central, atCentral, "42", null, 500);
        assertThat(page.rows()).isEmpty();
        assertThat(page.nextKey()).isNull();
        assertThatThrownBy(() -> RebuildPull.page(central, atCentral, "42", "x", 500))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextCursor");
        assertThatThrownBy(() -> rebuilt.procurement.continueNumberingAbove(BUYER, 5))
                .as("only the rebuild (as central) moves the numbering")
                .isInstanceOf(org.tongpao.core.AccessDeniedException.class);
    }
}
