package org.tongpao.federation.procurement.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.FundingTopics;

/**
 * On a provincial node: every change of one of its province's budget lines — opened, adjusted, a commitment, a
 * spend, a release — goes up to central as {@code funding.line}, the line's amounts as they now stand and its
 * version, taken from the event (funding records the line after the change on it). Central sends nothing.
 */
@Component(service = EventForwarder.class)
@EventTopics({
    FundingTopics.LINE_CREATED,
    FundingTopics.LINE_ADJUSTED,
    FundingTopics.COMMITTED,
    FundingTopics.SPENT,
    FundingTopics.RELEASED})
public class BudgetLineForwarder implements EventForwarder {
    private static final List<String> COPIED = List.of("name", "category", "holder", "source", "currency", "budget",
            "committed", "spent", "version");
    private final Federation federation;
    private final NodeIdentity node;

    @Activate
    public BudgetLineForwarder(@Reference Federation federation, @Reference NodeIdentity node) {
        this.federation = federation;
        this.node = node;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) {
        if (node.isCentral() || BudgetLine.MINISTRY.equals(event.get("holder"))) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("id", event.get("lineId"));
        body.put("code", event.get("lineCode"));
        for (String field : COPIED) {
            body.put(field, event.get(field));
        }
        body.values().removeIf(v -> v == null);
        federation.send(c, Federation.CENTRAL, ProcurementContracts.LINE, ProcurementContracts.VERSION, Instant.now(),
                body);
    }
}
