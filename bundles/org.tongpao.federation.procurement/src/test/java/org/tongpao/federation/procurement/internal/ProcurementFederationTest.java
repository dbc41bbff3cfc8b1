package org.tongpao.federation.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;
import org.tongpao.federation.testing.FederatedNode;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.Money;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;

/**
 * A province's orders and budget lines reach central, between two real databases with the real inventory, funding
 * and procurement on each; Hubei's forwarders record what they send, central's handlers apply it as the inbox would
 * (inside {@code Transactions.enclosing}, as Hubei's link), every body passing through JSON as on the wire.
 */
class ProcurementFederationTest implements TestCallers {
    private static final Caller BUYER = Caller.of("hubei-buyer", Set.of("procurement-officer", "province-42"), "hb");
    private static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "fed-42");

    private final ProcurementNode central = new ProcurementNode("central", List.of("province:42", "province:32"));
    private final ProcurementNode hubei = new ProcurementNode("province:42", List.of());
    private final OrderChangedHandler orders = new OrderChangedHandler(central.procurement);
    private final BudgetLineHandler lines = new BudgetLineHandler(central.funding);

    @AfterEach
    void close() {
        central.close();
        hubei.close();
    }

    private static Message wire(Message m) throws Exception {
        return FederatedNode.overTheWire(m);
    }

    private void deliver(Message m) throws Exception {
        central.apply(m.type().equals("funding.line") ? lines : orders, wire(m), HUBEI_LINK);
    }

    /** Hubei buys 1,000 masks at 2.50 on its own line of 10,000 CNY: an emergency order, placed, 600 received. */
    private PurchaseOrder hubeiBuys() {
        return hubei.buys(BUYER);
    }

    private PurchaseOrder centralCopy() {
        List<PurchaseOrder> all = central.procurement.orders(ADMIN, OrderFilter.ALL, 10, null).items();
        assertThat(all).hasSize(1);
        return central.procurement.order(ADMIN, all.get(0).id());
    }

    private BudgetLine centralLine() {
        List<BudgetLine> all = central.funding.lines(ADMIN, LineFilter.ALL, 50, null).items().stream()
                .filter(l -> l.copyOf() != null).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void aProvincesOrderAndBudgetLineReachCentralAsReadOnlyCopies() throws Exception {
        PurchaseOrder bought = hubeiBuys();
        assertThat(bought.status()).isEqualTo(OrderStatus.PARTIALLY_RECEIVED);
        List<Message> up = hubei.federation.sent;
        assertThat(up).extracting(Message::type).contains("procurement.order", "funding.line");
        assertThat(up).allSatisfy(m -> assertThat(m.to()).isEqualTo("central"));
        Message lastOrder = up.stream().filter(m -> m.type().equals("procurement.order")).reduce((a, b) -> b)
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) lastOrder.body().get("order");
        assertThat(order).containsEntry("number", bought.number()).containsEntry("totalCny", "2500.00")
                .doesNotContainKeys("supplierId", "depotId", "budgetLineId");
        assertThat(lastOrder.body()).containsEntry("budgetLineCode", "HB-EPI-2026")
                .containsEntry("supplierName", "Wuhan mask works");

        for (Message m : up) {
            deliver(m);
        }
        PurchaseOrder copy = centralCopy();
        assertThat(copy.source()).isEqualTo("province:42/" + bought.id());
        assertThat(copy.number()).isEqualTo("province:42/" + bought.number());
        assertThat(copy.status()).isEqualTo(OrderStatus.PARTIALLY_RECEIVED);
        assertThat(copy.version()).isEqualTo(bought.version());
        assertThat(copy.asOf()).isNotNull();
        assertThat(copy.totalCny()).isEqualByComparingTo("2500.00");
        assertThat(copy.spentCny()).isEqualByComparingTo(bought.spentCny());
        assertThat(copy.commitmentReference()).isEqualTo("province:42/HB-EPI-2026");
        assertThat(copy.lines()).extracting(l -> l.itemCode(), l -> l.acceptedQuantity(), l -> l.outstanding())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MASK-MEDPROT", 600L, 400L));
        assertThat(copy.approvals()).hasSize(1);
        assertThat(copy.supplierCode()).isEqualTo("HB-MASK-01");
        assertThat(central.procurement.order(HUBEI, copy.id()).source()).isEqualTo(copy.source());

        BudgetLine hubeiLine = hubei.funding.lineByCode(ADMIN, "HB-EPI-2026");
        BudgetLine line = centralLine();
        assertThat(line.code()).isEqualTo("province:42/HB-EPI-2026");
        assertThat(line.copyOf()).isEqualTo("province:42/" + hubeiLine.id());
        assertThat(line.holder()).isEqualTo("42");
        assertThat(line.committed()).isEqualByComparingTo(hubeiLine.committed());
        assertThat(line.spent()).isEqualByComparingTo(hubeiLine.spent()).isEqualByComparingTo("1500.00");
        assertThat(line.version()).isEqualTo(hubeiLine.version());
        // central's funding views count the province's line
        assertThat(central.funding.summary(ADMIN, new LineFilter(null, "42", null), Set.of()))
                .anySatisfy(s -> assertThat(s.toString()).contains("1500"));

        // redeliveries and older copies arriving late change nothing
        for (Message m : up) {
            deliver(m);
        }
        assertThat(centralCopy().status()).isEqualTo(OrderStatus.PARTIALLY_RECEIVED);
        assertThat(centralCopy().lines().get(0).acceptedQuantity()).isEqualTo(600);
        assertThat(centralLine().spent()).isEqualByComparingTo("1500.00");

        // central does not write the copies: 409 naming the node
        assertThatThrownBy(() -> central.procurement.cancel(ADMIN, copy.id(), "not needed", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("province:42");
        assertThatThrownBy(() -> central.funding.commit(ADMIN, line.id(), Money.of(new BigDecimal("10"), "CNY"), null,
                "it:1", null)).isInstanceOf(ConflictException.class).hasMessageContaining("province:42");

        // the province cancels the rest: the order copy and the line (released) follow
        hubei.procurement.cancel(BUYER, bought.id(), "the rest will not come", null);
        for (Message m : up.subList(up.size() - 2, up.size())) {
            deliver(m);
        }
        assertThat(centralCopy().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(centralLine().committed()).isEqualByComparingTo(hubei.funding.lineByCode(ADMIN, "HB-EPI-2026")
                .committed());
    }

    @Test
    void aProvinceCannotReportAnotherProvincesOrderOrLine() throws Exception {
        hubeiBuys();
        Message order = hubei.federation.sent.stream().filter(m -> m.type().equals("procurement.order"))
                .reduce((a, b) -> b).orElseThrow();
        Map<String, Object> body = new HashMap<>(wire(order).body());
        @SuppressWarnings("unchecked")
        Map<String, Object> head = new HashMap<>((Map<String, Object>) body.get("order"));
        head.put("provinceCode", "32");
        body.put("order", head);
        assertThatThrownBy(() -> central.apply(orders, copy(order, body), HUBEI_LINK))
                .isInstanceOf(AccessDeniedException.class);
        head.put("provinceCode", "42");
        head.put("depotCode", "JS-PROV-01"); // outside the link's scope: the 404 of an unknown depot, naming the field
        assertThatThrownBy(() -> central.apply(orders, copy(order, body), HUBEI_LINK))
                .isInstanceOf(org.tongpao.core.NotFoundException.class).hasMessageContaining("depotCode");
        assertThat(central.procurement.orders(ADMIN, OrderFilter.ALL, 10, null).items()).isEmpty();

        Message line = hubei.federation.sent.stream().filter(m -> m.type().equals("funding.line")).findFirst()
                .orElseThrow();
        Map<String, Object> other = new HashMap<>(wire(line).body());
        other.put("holder", "32");
        assertThatThrownBy(() -> central.apply(lines, copy(line, other), HUBEI_LINK))
                .isInstanceOf(AccessDeniedException.class);
        other.put("holder", "MINISTRY");
        assertThatThrownBy(() -> central.apply(lines, copy(line, other), HUBEI_LINK))
                .isInstanceOf(org.tongpao.core.ValidationException.class);
        assertThat(central.funding.lines(ADMIN, LineFilter.ALL, 50, null).items())
                .noneMatch(l -> l.copyOf() != null);
    }

    private static Message copy(Message m, Map<String, Object> body) {
        return new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
    }
}
