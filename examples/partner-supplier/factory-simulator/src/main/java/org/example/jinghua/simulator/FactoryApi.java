package org.example.jinghua.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The factory's own JSON API (the routes are listed on {@link FactorySimulator}); every call needs the
 * header {@code X-Partner-Key}. Faults injected by a test (503, a hang) are decided by the simulator
 * before a request reaches here.
 */
final class FactoryApi {
    static final int MAX_NOTICES_PER_PAGE = 100;

    private final Factory factory;
    private final ObjectMapper json;

    FactoryApi(Factory factory, ObjectMapper json) {
        this.factory = factory;
        this.json = json;
    }

    /** Answers one request; a {@link Refusal} becomes its status and {@code {"error","message"}}. */
    void answer(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String[] path = ex.getRequestURI().getRawPath().split("/");
        try {
            JsonNode body = "POST".equals(method) ? body(ex) : null;
            String resource = path.length > 2 && "v1".equals(path[1]) ? path[2] : "";
            String id = path.length > 3 ? URLDecoder.decode(path[3], StandardCharsets.UTF_8) : null;
            String action = path.length > 4 ? path[4] : null;
            if (path.length > 5) {
                throw new Refusal(404, "NOT_FOUND", "no such resource");
            }
            send(ex, route(method, resource, id, action, body, ex.getRequestURI().getRawQuery()));
        } catch (Refusal r) {
            send(ex, Map.entry(r.httpStatus(), error(r.code(), r.getMessage())));
        }
    }

    private Map.Entry<Integer, JsonNode> route(String method, String resource, String id, String action, JsonNode body,
            String query) {
        return switch (method + " " + resource + (id == null ? "" : "/{}") + (action == null ? "" : "/" + action)) {
            case "GET products" -> ok(products());
            case "POST quotations" -> ok(quotation(factory.quote(body.path("sku").asText(null),
                    body.path("quantity").asLong(0))));
            case "POST orders" -> place(body);
            case "GET orders/{}" -> ok(order(factory.order(id)));
            case "POST orders/{}/cancel" -> ok(order(factory.cancel(id, body.path("reason").asText(null))));
            case "GET notices" -> ok(notices(query));
            default -> throw new Refusal(404, "NOT_FOUND", "no such resource");
        };
    }

    private Map.Entry<Integer, JsonNode> place(JsonNode body) {
        List<FactoryOrder.LineRequest> lines = new ArrayList<>();
        for (JsonNode l : body.path("lines")) {
            lines.add(new FactoryOrder.LineRequest(l.path("buyerLine").asText(null), l.path("sku").asText(null),
                    l.path("quantity").asLong(0)));
        }
        LocalDate deliverBy;
        try {
            deliverBy = body.hasNonNull("deliverBy") ? LocalDate.parse(body.get("deliverBy").asText()) : null;
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "BAD_REQUEST", "deliverBy must be a date such as 2026-12-24");
        }
        Map.Entry<FactoryOrder, Boolean> placed = factory.place(body.path("buyerReference").asText(null), lines,
                body.path("deliverTo").asText(null), body.path("province").asText(null), deliverBy,
                body.path("approvedBy").asText(null), body.path("justification").asText(null));
        return Map.entry(placed.getValue() ? 201 : 200, order(placed.getKey()));
    }

    private ObjectNode products() {
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("products");
        for (Product p : factory.catalogue()) {
            ObjectNode n = list.addObject();
            n.put("sku", p.sku());
            n.put("name", p.name());
            n.put("standard", p.standard());
            n.put("unitPrice", p.unitPrice().toPlainString());
            n.put("currency", "CNY");
            n.put("leadDays", p.leadDays());
            n.put("weeklyCapacity", p.weeklyCapacity());
            n.put("minimumOrder", p.minimumOrder());
        }
        return answer;
    }

    private ObjectNode quotation(Quotation q) {
        ObjectNode n = json.createObjectNode();
        n.put("quotationNo", q.quotationNo());
        n.put("sku", q.sku());
        n.put("quantity", q.quantity());
        n.put("unitPrice", q.unitPrice().toPlainString());
        n.put("total", q.total().toPlainString());
        n.put("currency", "CNY");
        n.put("leadDays", q.leadDays());
        n.put("earliestDispatch", q.earliestDispatch().toString());
        n.put("validUntil", q.validUntil().toString());
        return n;
    }

    private ObjectNode order(FactoryOrder o) {
        ObjectNode n = json.createObjectNode();
        n.put("orderNo", o.orderNo());
        n.put("buyerReference", o.buyerReference());
        n.put("state", o.state());
        n.put("approvedBy", o.approvedBy());
        n.put("justification", o.justification());
        ArrayNode lines = n.putArray("lines");
        for (FactoryOrder.Line l : o.lines()) {
            ObjectNode line = lines.addObject();
            line.put("buyerLine", l.buyerLine());
            line.put("sku", l.sku());
            line.put("quantity", l.quantity());
            line.put("unitPrice", l.unitPrice().toPlainString());
            line.put("shipped", l.shipped());
            line.put("delivered", l.delivered());
        }
        return n;
    }

    private ObjectNode notices(String query) {
        long after = 0;
        int limit = MAX_NOTICES_PER_PAGE;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                if (kv.length == 2 && "after".equals(kv[0])) {
                    after = Long.parseLong(kv[1]);
                } else if (kv.length == 2 && "limit".equals(kv[0])) {
                    limit = Math.max(1, Math.min(MAX_NOTICES_PER_PAGE, Integer.parseInt(kv[1])));
                }
            } catch (NumberFormatException e) {
                throw new Refusal(400, "BAD_REQUEST", kv[0] + " must be a number");
            }
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("notices");
        long last = after;
        for (Notice notice : factory.noticesAfter(after, limit)) {
            list.add(NoticeJson.factoryFormat(json, notice));
            last = notice.seq();
        }
        answer.put("last", last);
        return answer;
    }

    private JsonNode body(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            JsonNode n = json.readTree(in);
            if (n == null || !n.isObject()) {
                throw new Refusal(400, "BAD_REQUEST", "the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new Refusal(400, "BAD_REQUEST", "the body is not JSON");
        }
    }

    ObjectNode error(String code, String message) {
        ObjectNode n = json.createObjectNode();
        n.put("error", code);
        n.put("message", message);
        return n;
    }

    void send(HttpExchange ex, Map.Entry<Integer, JsonNode> answer) throws IOException {
        byte[] bytes = json.writeValueAsBytes(answer.getValue());
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(answer.getKey(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map.Entry<Integer, JsonNode> ok(JsonNode body) {
        return Map.entry(200, body);
    }
}
