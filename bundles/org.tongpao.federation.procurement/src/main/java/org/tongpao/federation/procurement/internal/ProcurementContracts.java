package org.tongpao.federation.procurement.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tongpao.procurement.OrderSnapshot;

/**
 * The {@code procurement.order} and {@code funding.line} contracts ({@code docs/federation.md}). Amounts travel as
 * decimal text (never a binary floating point), times and dates as ISO-8601 text; the sender's database ids of
 * supplier, depot, items and budget line are left out (they travel by code), only the order's and the line's own
 * id, the key of the copy, stays. Read leniently: fields a newer minor adds are ignored.
 */
final class ProcurementContracts {
    static final String ORDER = "procurement.order";
    static final String LINE = "funding.line";
    static final String VERSION = "1.0";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static {
        JSON.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    private ProcurementContracts() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> orderBody(OrderSnapshot s) {
        Map<String, Object> body = JSON.convertValue(s, Map.class);
        Map<String, Object> order = (Map<String, Object>) body.get("order");
        order.keySet().removeAll(List.of("supplierId", "depotId", "budgetLineId", "source", "asOf"));
        for (Map<String, Object> line : (List<Map<String, Object>>) order.get("lines")) {
            line.keySet().removeAll(List.of("id", "itemId"));
        }
        order.values().removeIf(v -> v == null);
        body.values().removeIf(v -> v == null);
        return body;
    }

    static OrderSnapshot order(Map<String, Object> body) {
        try {
            return JSON.convertValue(body, OrderSnapshot.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ORDER + " body is not an order: " + e.getMessage(), e);
        }
    }

    static <T> T convert(Object value, Class<T> type) {
        return JSON.convertValue(value, type);
    }
}
