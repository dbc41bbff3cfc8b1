package org.tongpao.federation.inventory.internal.census;

import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;
import org.tongpao.inventory.InventoryTopics;

/**
 * The census between nodes, from the inventory's events inside their transactions: a census opened at central
 * goes to every provincial node ({@code census.opened}); a provincial node's submission to a census central
 * opened goes up ({@code census.submission}, occurred at its submission). A census opened on a provincial node
 * for itself, or an answer this node recorded from another, stays where it is.
 */
@Component(service = EventForwarder.class)
@EventTopics({InventoryTopics.CENSUS_OPENED, InventoryTopics.CENSUS_SUBMITTED})
public class CensusForwarder implements EventForwarder {
    private final Federation federation;

    @Activate
    public CensusForwarder(@Reference Federation federation) {
        this.federation = federation;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) {
        if (event.get("source") == null && topic.equals(InventoryTopics.CENSUS_OPENED)) {
            opened(c, event);
        } else if (event.get("source") != null && event.get("node") == null
                && topic.equals(InventoryTopics.CENSUS_SUBMITTED)
                && event.get("source").toString().startsWith(CensusContracts.CENTRAL_PREFIX)) {
            submitted(c, event);
        }
    }

    private void opened(Connection c, Map<String, ?> event) {
        List<String> provinces = federation.provinceNodes();
        if (provinces.isEmpty()) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("census", CensusContracts.CENTRAL_PREFIX + event.get("censusId"));
        body.put("title", event.get("title"));
        body.put("categories", Arrays.asList(event.get("categories").toString().split(",")));
        body.put("deadline", event.get("deadline").toString());
        body.put("openedBy", event.get("openedBy"));
        Instant openedAt = (Instant) event.get("openedAt");
        body.put("openedAt", openedAt.toString());
        for (String node : provinces) {
            federation.send(c, node, CensusContracts.OPENED, CensusContracts.VERSION, openedAt, body);
        }
    }

    private void submitted(Connection c, Map<String, ?> event) {
        Map<String, Object> body = new HashMap<>();
        body.put("census", event.get("source"));
        body.put("provinceCode", event.get("provinceCode"));
        body.put("version", event.get("version"));
        Instant submittedAt = (Instant) event.get("submittedAt");
        body.put("submittedAt", submittedAt.toString());
        body.put("submittedBy", event.get("submittedBy"));
        body.put("system", event.get("system"));
        body.put("declared", event.get("declared"));
        federation.send(c, Federation.CENTRAL, CensusContracts.SUBMISSION, CensusContracts.VERSION, submittedAt, body);
    }
}
