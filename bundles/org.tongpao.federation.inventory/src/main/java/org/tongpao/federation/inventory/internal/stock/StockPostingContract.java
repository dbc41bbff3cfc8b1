package org.tongpao.federation.inventory.internal.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.ValidationException;
import org.tongpao.federation.Message;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.ReplicaLot;
import org.tongpao.inventory.ReplicaMovement;
import org.tongpao.inventory.ReplicaPosting;

/**
 * Message {@code stock.posting} 1.0, province → central: a posting (or a lot's status change) on a depot the
 * province keeps, named by codes and the province's own ids (see {@code docs/federation.md}). Body:
 * {@code postingId} (absent: a status change), {@code part}, {@code parts}, {@code operation}, {@code depotCode},
 * {@code actor}, {@code lots} [{@code lotId, itemCode, origin, sourceDocument, expiryDate?, receivedOn, status,
 * parentLotId?, receivedQuantity}], {@code movements} [{@code lotId, type, quantity, reason?}]. When it happened
 * is the envelope's {@code occurredAt}; which node made it, the envelope's {@code from}.
 */
final class StockPostingContract {
    static final String TYPE = "stock.posting";
    static final String VERSION = "1.0";
    static final int MAJOR = 1;

    private StockPostingContract() {
    }

    /** The message body as the applying node reads it: JSON values, unknown fields ignored. */
    static ReplicaPosting posting(Message m) {
        Map<String, Object> b = m.body();
        List<ReplicaLot> lots = new ArrayList<>();
        for (Map<String, Object> l : maps(b, "lots")) {
            lots.add(ReplicaLot.builder().lotId(number(l, "lotId")).itemCode(text(l, "itemCode"))
                    .origin(LotOrigin.valueOf(text(l, "origin"))).sourceDocument(text(l, "sourceDocument"))
                    .expiryDate(date(l, "expiryDate")).receivedOn(date(l, "receivedOn"))
                    .status(LotStatus.valueOf(text(l, "status"))).parentLotId(optionalNumber(l, "parentLotId"))
                    .receivedQuantity(number(l, "receivedQuantity")).build());
        }
        List<ReplicaMovement> movements = new ArrayList<>();
        for (Map<String, Object> mv : maps(b, "movements")) {
            movements.add(new ReplicaMovement(number(mv, "lotId"), MovementType.valueOf(text(mv, "type")),
                    number(mv, "quantity"), text(mv, "reason")));
        }
        Long part = optionalNumber(b, "part");
        Long parts = optionalNumber(b, "parts");
        return ReplicaPosting.builder().node(m.from()).postingId(optionalNumber(b, "postingId"))
                .part(part == null ? 1 : part.intValue()).parts(parts == null ? 1 : parts.intValue())
                .operation(text(b, "operation")).depotCode(text(b, "depotCode")).occurredAt(m.occurredAt())
                .actor(text(b, "actor")).lots(lots).movements(movements).build();
    }

    /** A lot as the body names it, from the lot details of an inventory event and its item's code. */
    static Map<String, Object> lot(Map<String, ?> details, String itemCode) {
        Map<String, Object> lot = new HashMap<>();
        lot.put("lotId", details.get("lotId"));
        lot.put("itemCode", itemCode);
        for (String key : List.of("origin", "sourceDocument", "expiryDate", "receivedOn", "status", "parentLotId",
                "receivedQuantity")) {
            if (details.get(key) != null) {
                lot.put(key, details.get(key));
            }
        }
        return lot;
    }

    /** A movement as the body names it, from a line of an inventory MOVEMENT event. */
    static Map<String, Object> movement(Map<String, ?> line) {
        Map<String, Object> movement = new HashMap<>();
        for (String key : List.of("lotId", "type", "quantity", "reason")) {
            if (line.get(key) != null) {
                movement.put(key, line.get(key));
            }
        }
        return movement;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof Map))) {
            throw new ValidationException(key, key + " must be a list of objects");
        }
        return (List<Map<String, Object>>) v;
    }

    static long number(Map<String, ?> map, String key) {
        Long n = optionalNumber(map, key);
        if (n == null) {
            throw new ValidationException(key, key + " is required");
        }
        return n;
    }

    static Long optionalNumber(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new ValidationException(key, key + " must be a number");
    }

    private static String text(Map<String, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }

    private static LocalDate date(Map<String, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? null : LocalDate.parse(v.toString());
    }

    static Instant instant(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new ValidationException(key, key + " is required");
        }
        return Instant.parse(v.toString());
    }
}
