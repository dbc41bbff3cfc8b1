package org.tongpao.funding.internal;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Commitment;

/** The events of {@link org.tongpao.funding.FundingTopics}, recorded on core's outbox in the change's transaction. */
final class FundingEvents {
    private final EventOutbox outbox;

    FundingEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void line(Connection c, String topic, Caller caller, BudgetLine line) {
        outbox.record(c, topic, lineProperties(caller, line));
    }

    void commitment(Connection c, String topic, Caller caller, BudgetLine line, Commitment m, java.math.BigDecimal change) {
        Map<String, Object> p = lineProperties(caller, line);
        p.put("reference", m.reference());
        p.put("commitmentId", m.id());
        p.put("amount", change.toPlainString());
        outbox.record(c, topic, p);
    }

    private static Map<String, Object> lineProperties(Caller caller, BudgetLine line) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lineId", line.id());
        p.put("lineCode", line.code());
        p.put("name", line.name());
        if (line.category() != null) {
            p.put("category", line.category());
        }
        p.put("holder", line.holder());
        p.put("source", line.source().name());
        p.put("currency", line.currency());
        p.put("budget", line.budget().toPlainString());
        p.put("committed", line.committed().toPlainString());
        p.put("spent", line.spent().toPlainString());
        p.put("version", line.version());
        p.put("user", caller.user());
        return p;
    }
}
