package org.tongpao.federation.inventory.internal.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.ValidationException;
import org.tongpao.federation.Message;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NodeDesignation;
import org.tongpao.inventory.ReplicaLot;
import org.tongpao.inventory.ReplicaMovement;
import org.tongpao.inventory.ReplicaPosting;

/**
 * Message {@code stock.posting} 1.2, province → central: a posting (or a lot's status change, or a reservation held or
 * released: operation {@code reserve}/{@code release}, no movements) on a depot the
 * province keeps, named by codes and the province's own ids (see {@code docs/federation.md}). Body:
 * {@code postingId} (absent: a status change), {@code part}, {@code parts}, {@code operation}, {@code depotCode},
 * {@code actor}, {@code lots} [{@code lotId, itemCode, origin, sourceDocument, expiryDate?, receivedOn, status,
 * parentLotId?, receivedQuantity, originNode?, originLotId?, designation?}] (the origin: the lot continues that
 * node's lot, e.g. one of central's handed over by a rebuild; 1.1: {@code designation} {@code {kind,
 * provinceCode?, orgUnitCode?, label?}}, which the replica lot keeps; a 1.0 receiver ignores it; 1.2: {@code reserved},
 * the lot's reserved quantity after the change, on the lots whose reserved quantity it changed),
 * {@code movements} [{@code lotId, type, quantity, reason?}]. When it happened
 * is the envelope's {@code occurredAt}; which node made it, the envelope's {@code from}.
 */
public final class StockPostingContract {
    public static final String TYPE = "stock.posting";
    public static final String VERSION = "1.2";
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
                    .receivedQuantity(number(l, "receivedQuantity"))
                    .localLotId(m.to().equals(text(l, "originNode")) ? optionalNumber(l, "originLotId") : null)
                    .designation(NodeDesignation.fromMap(l.get("designation"), "lots.designation"))
                    .reserved(optionalNumber(l, "reserved")).build());
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
                .actor(text(b, "actor")).lots(lots).movements(movements).sequence(sequence(m.id())).build();
    }

    /**
     * The sender's outbox sequence, the number after the last {@code /} of the message id ({@code province:42/117}),
     * which orders a lot's reserved quantities (1.2); null for an id that is not a relay's.
     */
    static Long sequence(String messageId) {
        try {
            return Long.valueOf(messageId.substring(messageId.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A lot as the body names it, from the lot details of an inventory event, its item's code, the lot of
     * another node it continues (null: none) and the codes of the org units lots are designated for, by id.
     */
    static Map<String, Object> lot(Map<String, ?> details, String itemCode, LotOrigins.Origin origin,
            Map<Long, String> unitCodes) {
        Map<String, Object> lot = new HashMap<>();
        lot.put("lotId", details.get("lotId"));
        lot.put("itemCode", itemCode);
        if (origin != null) {
            lot.put("originNode", origin.node());
            lot.put("originLotId", origin.lotId());
        }
        for (String key : List.of("origin", "sourceDocument", "expiryDate", "receivedOn", "status", "parentLotId",
                "receivedQuantity", "reserved")) {
            if (details.get(key) != null) {
                lot.put(key, details.get(key));
            }
        }
        Object kind = details.get("designationKind");
        if (kind != null) { // 1.1: where the goods must go, the unit by code (central's ids are not the province's)
            Long unitId = optionalNumber(details, "designationUnitId");
            String unitCode = unitId == null ? null : unitCodes.get(unitId);
            if (unitId != null && unitCode == null) {
                throw new IllegalStateException("lot " + details.get("lotId") + " is designated for org unit " + unitId
                        + ", which core's org unit view does not hold");
            }
            lot.put("designation", new NodeDesignation(Designation.Kind.valueOf(kind.toString()),
                    text(details, "designationProvince"), unitCode, text(details, "designationLabel")).toMap());
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
    public static List<Map<String, Object>> maps(Map<String, ?> map, String key) {
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
