package org.tongpao.federation.inventory.internal.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.ValidationException;
import org.tongpao.federation.Message;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.NodeDesignation;
import org.tongpao.inventory.Transfer;

/**
 * The contracts {@code transfer.dispatched} 1.1 and {@code transfer.received} 1.0 (docs/federation.md):
 * inventory's cross-node events become message bodies, message bodies become inventory's records. Fields a
 * receiver does not know are ignored, so a newer minor version reads as the older one (a 1.0 receiver reads a
 * 1.1 dispatch without the lines' {@code designation}).
 */
public final class TransferMessages {
    static final String DISPATCHED = "transfer.dispatched";
    static final String RECEIVED = "transfer.received";
    /** 1.1: each line's {@code designation} {kind, provinceCode?, orgUnitCode?, label?}, its source lot's. */
    static final String DISPATCHED_VERSION = "1.1";
    static final String RECEIVED_VERSION = "1.0";

    private TransferMessages() {
    }

    /** The body of {@code transfer.dispatched} from inventory's CROSS_NODE_DISPATCHED event. */
    static Map<String, Object> dispatchedBody(Map<String, ?> event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transferId", event.get("id"));
        body.put("fromDepot", event.get("fromDepot"));
        body.put("toDepot", event.get("toDepot"));
        if (event.get("reference") != null) {
            body.put("reference", event.get("reference"));
        }
        body.put("lines", event.get("lines"));
        return body;
    }

    /** The body of {@code transfer.received} from inventory's CROSS_NODE_RECEIVED event. */
    static Map<String, Object> receivedBody(Map<String, ?> event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transferId", event.get("id"));
        body.put("receivedAt", event.get("receivedAt"));
        body.put("lines", event.get("lines"));
        return body;
    }

    /** The transfer a {@code transfer.dispatched} message describes, as inventory accepts it. */
    static CrossNodeTransfer dispatched(Message m) {
        return dispatched(m.body(), m.occurredAt());
    }

    /**
     * A transfer still in transit as the rebuild stream carries it (central to a province being rebuilt): the body
     * of {@code transfer.dispatched} plus {@code dispatchedAt}, which the message carries as its occurred-at.
     */
    public static Map<String, Object> inTransit(CrossNodeTransfer t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("transferId", t.id());
        row.put("fromDepot", t.fromDepotCode());
        row.put("toDepot", t.toDepotCode());
        if (t.reference() != null) {
            row.put("reference", t.reference());
        }
        row.put("dispatchedAt", t.dispatchedAt().toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CrossNodeTransfer.Line l : t.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", l.lineNo());
            line.put("itemCode", l.itemCode());
            line.put("quantity", l.quantity());
            line.put("expiryDate", l.expiryDate() == null ? null : l.expiryDate().toString());
            line.put("origin", l.origin());
            line.put("sourceDocument", l.sourceDocument());
            line.put("lot", l.lot());
            line.put("designation", l.designation() == null ? null : l.designation().toMap());
            line.values().removeIf(java.util.Objects::isNull);
            lines.add(line);
        }
        row.put("lines", lines);
        return row;
    }

    /** The transfer a row of {@link #inTransit} describes, as inventory accepts it. */
    public static CrossNodeTransfer inTransit(Map<String, Object> row) {
        return dispatched(row, Instant.parse(text(row, "dispatchedAt")));
    }

    private static CrossNodeTransfer dispatched(Map<String, Object> b, Instant dispatchedAt) {
        String id = text(b, "transferId");
        List<CrossNodeTransfer.Line> lines = new ArrayList<>();
        for (Map<String, Object> l : lines(b)) {
            Object expiry = l.get("expiryDate");
            lines.add(new CrossNodeTransfer.Line(number(l, "lineNo").intValue(), text(l, "itemCode"),
                    number(l, "quantity").longValue(), expiry == null ? null : LocalDate.parse(expiry.toString()),
                    optional(l, "origin"), optional(l, "sourceDocument"), optional(l, "lot"), 0, 0, 0,
                    NodeDesignation.fromMap(l.get("designation"), "lines.designation")));
        }
        String itemCode = lines.isEmpty() ? null : lines.get(0).itemCode();
        return new CrossNodeTransfer(id, null, null, sendingNode(id), null, text(b, "fromDepot"), text(b, "toDepot"),
                itemCode, lines.stream().mapToLong(CrossNodeTransfer.Line::quantity).sum(), Transfer.Status.IN_TRANSIT,
                0, 0, optional(b, "reference"), dispatchedAt, null, lines);
    }

    /** The receiver's counts a {@code transfer.received} message carries. */
    static List<CrossNodeTransfer.Line> counted(Message m) {
        List<CrossNodeTransfer.Line> out = new ArrayList<>();
        for (Map<String, Object> l : lines(m.body())) {
            long received = number(l, "received").longValue();
            long shortQty = number(l, "short").longValue();
            out.add(new CrossNodeTransfer.Line(number(l, "lineNo").intValue(), optional(l, "itemCode"),
                    received + shortQty, null, null, null, null, received, shortQty, number(l, "damaged").longValue()));
        }
        return out;
    }

    /** When the receiver counted the goods: {@code receivedAt}, else the message's occurred-at. */
    static Instant receivedAt(Message m) {
        String at = optional(m.body(), "receivedAt");
        return at == null ? m.occurredAt() : Instant.parse(at);
    }

    static String transferId(Message m) {
        return text(m.body(), "transferId");
    }

    /** {@code province:32} of {@code province:32/17}: the node that sent the transfer. */
    static String sendingNode(String transferId) {
        int slash = transferId.lastIndexOf('/');
        if (slash <= 0) {
            throw new ValidationException("transferId", "a cross-node transfer id is <sending node>/<transfer id>");
        }
        return transferId.substring(0, slash);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> body) {
        Object lines = body.get("lines");
        if (!(lines instanceof List<?> list)) {
            throw new ValidationException("lines", "the message has no lines");
        }
        return (List<Map<String, Object>>) list;
    }

    private static String text(Map<String, Object> m, String field) {
        String v = optional(m, field);
        if (v == null) {
            throw new ValidationException(field, field + " is required");
        }
        return v;
    }

    private static String optional(Map<String, Object> m, String field) {
        Object v = m.get(field);
        return v == null ? null : v.toString();
    }

    private static Number number(Map<String, Object> m, String field) {
        if (!(m.get(field) instanceof Number n)) {
            throw new ValidationException(field, field + " must be a number");
        }
        return n;
    }
}
