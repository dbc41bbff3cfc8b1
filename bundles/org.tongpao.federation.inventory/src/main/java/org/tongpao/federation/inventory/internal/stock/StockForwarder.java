package org.tongpao.federation.inventory.internal.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;
import org.tongpao.inventory.InventoryTopics;

/**
 * At a provincial node, turns each posting (MOVEMENT), lot status change (LOT_STATUS) and reservation held or released
 * (RESERVED) on a depot this node keeps into a {@code stock.posting} message to central, in the recording
 * transaction. The events are
 * self-contained; the ids they carry become codes through core's published read views on the same connection
 * (never a service call: this runs inside the write's transaction). Central replicates nothing: it keeps its
 * own depots' ledgers, and the provinces' only as replicas.
 */
@Component(service = EventForwarder.class)
@EventTopics({InventoryTopics.MOVEMENT, InventoryTopics.LOT_STATUS, InventoryTopics.RESERVED})
public class StockForwarder implements EventForwarder {

    /** A depot as this forwarder needs it. */
    private record Depot(String code, String provinceCode) {
    }

    private final Federation federation;
    private final NodeIdentity node;
    private final LotOrigins origins;

    /**
     * {@code origins} is mandatory: a posting forwarded without the origin key of a lot a rebuild handed over would
     * start an empty replica at central instead of continuing central's own lot (the outbox holds the write back
     * while this forwarder waits for it, see {@code docs/federation.md}).
     */
    @Activate
    public StockForwarder(@Reference Federation federation, @Reference NodeIdentity node,
            @Reference LotOrigins origins) {
        this.federation = federation;
        this.node = node;
        this.origins = Objects.requireNonNull(origins, "origins");
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) throws SQLException {
        Optional<String> province = node.provinceCode();
        if (province.isEmpty()) {
            return;
        }
        long depotId = StockPostingContract.number(event, "depotId");
        Depot depot = Jdbc.one(c, "SELECT code, province_code FROM tp_core_v1_depot WHERE id = ?", List.of(depotId),
                rs -> new Depot(rs.getString(1), rs.getString(2))).orElse(null);
        if (depot == null || !province.get().equals(depot.provinceCode())) {
            return; // not a depot this node keeps (inventory refuses writes to those; nothing to replicate)
        }
        boolean movement = InventoryTopics.MOVEMENT.equals(topic);
        boolean status = InventoryTopics.LOT_STATUS.equals(topic);
        List<Map<String, Object>> lots = !status ? StockPostingContract.maps(event, "lots")
                : StockPostingContract.maps(Map.of("lots", List.of(event.get("lot"))), "lots");
        Map<Long, String> items = itemCodes(c, lots);
        Map<Long, String> units = unitCodes(c, lots);
        Map<Long, LotOrigins.Origin> continued = origins.of(c,
                lots.stream().map(l -> StockPostingContract.number(l, "lotId")).toList());
        Map<String, Object> body = new HashMap<>();
        body.put("depotCode", depot.code());
        body.put("actor", String.valueOf(event.get("actor")));
        List<Map<String, Object>> bodyLots = new ArrayList<>();
        for (Map<String, Object> lot : lots) {
            bodyLots.add(StockPostingContract.lot(lot, items.get(StockPostingContract.number(lot, "itemId")),
                    continued.get(StockPostingContract.number(lot, "lotId")), units));
        }
        body.put("lots", bodyLots);
        if (movement) {
            body.put("postingId", event.get("postingId"));
            body.put("part", event.get("part"));
            body.put("parts", event.get("parts"));
            body.put("operation", event.get("operation"));
            body.put("movements", StockPostingContract.maps(event, "lines").stream()
                    .map(StockPostingContract::movement).toList());
        } else {
            body.put("operation", status ? "lot-status" : event.get("operation")); // RESERVED: reserve, release
            body.put("movements", List.of());
        }
        federation.send(c, Federation.CENTRAL, StockPostingContract.TYPE, StockPostingContract.VERSION,
                StockPostingContract.instant(event, "occurredAt"), body);
    }

    /** Org unit id → code for the units the lots are designated for (1.1), in one read of core's org unit view. */
    private static Map<Long, String> unitCodes(Connection c, List<Map<String, Object>> lots) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        for (Map<String, Object> lot : lots) {
            Long unit = StockPostingContract.optionalNumber(lot, "designationUnitId");
            if (unit != null) {
                ids.add(unit);
            }
        }
        Map<Long, String> codes = new HashMap<>();
        if (!ids.isEmpty()) {
            Jdbc.query(c, "SELECT id, code FROM tp_core_v1_org_unit WHERE id IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", List.copyOf(ids),
                    rs -> codes.put(rs.getLong(1), rs.getString(2)));
        }
        return codes;
    }

    /** Item id → code for the lots' items, in one read of core's item view. */
    private static Map<Long, String> itemCodes(Connection c, List<Map<String, Object>> lots) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        for (Map<String, Object> lot : lots) {
            ids.add(StockPostingContract.number(lot, "itemId"));
        }
        Map<Long, String> codes = new HashMap<>();
        if (!ids.isEmpty()) {
            Jdbc.query(c, "SELECT id, code FROM tp_core_v1_item WHERE id IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", List.copyOf(ids),
                    rs -> codes.put(rs.getLong(1), rs.getString(2)));
        }
        return codes;
    }
}
