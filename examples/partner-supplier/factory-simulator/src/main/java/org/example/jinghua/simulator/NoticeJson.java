package org.example.jinghua.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** A notice in the factory's own format (its API) and as a Tongpao progress event (its webhooks). */
final class NoticeJson {
    /** The factory's notice kinds and Tongpao's progress statuses; CANCELLED is Tongpao's own doing and not pushed. */
    static final Map<String, String> TONGPAO_STATUS = Map.of("CONFIRMED", "CONFIRMED", "PRODUCTION", "IN_PRODUCTION",
            "SHIPPED", "SHIPPED", "DELIVERED", "DELIVERED", "DELAYED", "EXCEPTION");

    private NoticeJson() {
    }

    static ObjectNode factoryFormat(ObjectMapper json, Notice n) {
        ObjectNode o = json.createObjectNode();
        o.put("seq", n.seq());
        o.put("orderNo", n.orderNo());
        o.put("buyerReference", n.buyerReference());
        o.put("kind", n.kind());
        o.put("time", n.time().toString());
        o.put("buyerLine", n.buyerLine());
        o.put("sku", n.sku());
        o.put("quantity", n.quantity());
        o.put("expectedDate", n.expectedDate() == null ? null : n.expectedDate().toString());
        o.put("waybill", n.waybill());
        o.put("certificate", n.certificate());
        o.put("remark", n.remark());
        return o;
    }

    /**
     * The notice as one event of Tongpao's push endpoint ({@code eventId} {@code JH-<seq>}, the order
     * number as {@code channelOrderRef}, the buyer's line as {@code lineRef}; a shipment carries its waybill
     * and the batch's certificate of conformity), or empty for a kind Tongpao does not take.
     */
    static Optional<ObjectNode> tongpaoFormat(ObjectMapper json, Notice n) {
        String status = TONGPAO_STATUS.get(n.kind());
        if (status == null) {
            return Optional.empty();
        }
        ObjectNode e = json.createObjectNode();
        e.put("eventId", "JH-" + n.seq());
        e.put("channelOrderRef", n.orderNo());
        e.put("status", status);
        e.put("at", n.time().toString());
        e.put("lineRef", n.buyerLine());
        e.put("quantity", "PRODUCTION".equals(n.kind()) ? null : n.quantity());
        e.put("expectedDate", n.expectedDate() == null ? null : n.expectedDate().toString());
        ArrayNode documents = e.putArray("documents");
        LocalDate issued = n.time().atZone(ZoneOffset.UTC).toLocalDate();
        if (n.waybill() != null) {
            document(documents, "WAYBILL", n.waybill(), issued);
        }
        if (n.certificate() != null) {
            document(documents, "CERTIFICATE_OF_CONFORMITY", n.certificate(), issued);
        }
        e.put("note", "PRODUCTION".equals(n.kind()) ? n.quantity() + " pieces of " + n.sku() + " made" : n.remark());
        return Optional.of(e);
    }

    private static void document(ArrayNode documents, String kind, String number, LocalDate issued) {
        ObjectNode d = documents.addObject();
        d.put("kind", kind);
        d.put("number", number);
        d.put("issued", issued.toString());
        d.putNull("link");
    }
}
