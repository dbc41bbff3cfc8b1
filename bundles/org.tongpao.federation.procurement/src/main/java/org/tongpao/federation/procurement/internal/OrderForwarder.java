package org.tongpao.federation.procurement.internal;

import java.sql.Connection;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;
import org.tongpao.procurement.OrderSnapshot;
import org.tongpao.procurement.ProcurementTopics;

/**
 * On a provincial node: every step of an order bought here — created, submitted, each approval, placed, each
 * receipt (the order's accepted quantities, spend and status read in the same snapshot), cancelled — goes up to
 * central as {@code procurement.order}, the order as it now stands, read in the step's transaction. Central sends
 * nothing (its orders are national).
 */
@Component(service = EventForwarder.class)
@EventTopics({
    ProcurementTopics.ORDER_CREATED,
    ProcurementTopics.ORDER_UPDATED,
    ProcurementTopics.ORDER_SUBMITTED,
    ProcurementTopics.ORDER_APPROVAL_RECORDED,
    ProcurementTopics.ORDER_APPROVED,
    ProcurementTopics.ORDER_PLACED,
    ProcurementTopics.ORDER_CANCELLED,
    ProcurementTopics.RECEIPT_RECORDED})
public class OrderForwarder implements EventForwarder {
    private final Federation federation;
    private final NodeIdentity node;
    private final org.tongpao.procurement.ProcurementService procurement;

    @Activate
    public OrderForwarder(@Reference Federation federation, @Reference NodeIdentity node,
            @Reference org.tongpao.procurement.ProcurementService procurement) {
        this.federation = federation;
        this.node = node;
        this.procurement = procurement;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) {
        if (node.isCentral() || !topic.startsWith(ProcurementTopics.PREFIX)) {
            return;
        }
        Object id = topic.equals(ProcurementTopics.RECEIPT_RECORDED) ? event.get("orderId") : event.get("id");
        if (!(id instanceof Number n)) {
            return;
        }
        for (OrderSnapshot s : procurement.snapshot(c, n.longValue()).stream().toList()) {
            if (s.order().provinceCode() != null) { // a province node's own orders carry its province
                federation.send(c, Federation.CENTRAL, ProcurementContracts.ORDER, ProcurementContracts.VERSION,
                        s.asOf(), ProcurementContracts.orderBody(s));
            }
        }
    }
}
