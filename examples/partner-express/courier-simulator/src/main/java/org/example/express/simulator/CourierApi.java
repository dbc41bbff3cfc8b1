package org.example.express.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Express' own JSON API (the routes are listed on {@link CourierSimulator}): the {@code X-Api-Key} check, the
 * faults a test switched on ({@link Outages}), then the route. A {@link Refusal} becomes its status and
 * {@code {"error","message"}}; anything unexpected a 500.
 */
final class CourierApi {
    /** Heaviest order the courier takes, in kg. */
    static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("2000");

    private final String apiKey;
    private final Courier courier;
    private final Outages outages;
    private final ObjectMapper json;

    CourierApi(String apiKey, Courier courier, Outages outages, ObjectMapper json) {
        this.apiKey = apiKey;
        this.courier = courier;
        this.outages = outages;
        this.json = json;
    }

    /** Answers one request (or, for a call hung until the simulator stopped, nothing) and closes it. */
    void answer(HttpExchange ex) throws IOException {
        try {
            if (!apiKey.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
                throw new Refusal(401, "UNAUTHORIZED", "missing or wrong X-Api-Key");
            }
            if (outages.failsNow()) {
                throw new Refusal(503, "MAINTENANCE", "Express is down for maintenance");
            }
            if (outages.holdIfDue()) {
                send(ex, route(ex));
            }
        } catch (Refusal r) {
            send(ex, Map.entry(r.httpStatus(), error(r.code(), r.getMessage())));
        } catch (RuntimeException e) {
            send(ex, Map.entry(500, error("INTERNAL", e.toString())));
        } finally {
            ex.close();
        }
    }

    private Map.Entry<Integer, JsonNode> route(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String[] path = ex.getRequestURI().getRawPath().split("/");
        // "", "v2", "orders", "{waybill}", "events"
        if (path.length < 3 || !"v2".equals(path[1])) {
            throw new Refusal(404, "NOT_FOUND", "no such resource");
        }
        JsonNode body = "POST".equals(method) ? body(ex) : null;
        String waybill = path.length == 5 ? URLDecoder.decode(path[3], StandardCharsets.UTF_8) : null;
        return switch (method + " " + path[2] + (path.length == 5 ? "/{}/" + path[4] : path.length == 3 ? "" : "/?")) {
            case "POST quotes" -> Map.entry(200, quote(body));
            case "POST orders" -> place(body);
            case "GET orders/{}/events" -> Map.entry(200, events(waybill));
            case "POST orders/{}/cancel" -> Map.entry(200, order(courier.cancel(waybill)));
            default -> throw new Refusal(404, "NOT_FOUND", "no such resource");
        };
    }

    private JsonNode quote(JsonNode body) {
        BigDecimal weight = body.path("weightKg").decimalValue();
        int parcels = body.path("parcels").asInt(0);
        if (parcels < 1 || weight.signum() <= 0 || body.path("destination").asText("").isEmpty()) {
            throw new Refusal(400, "BAD_REQUEST", "destination, parcels and weightKg are required");
        }
        refuseOverweight(weight);
        boolean restricted = body.path("restrictedArea").asBoolean(false);
        // a delivery to a unit's door (a front-line station, no depot dock) costs a courier more
        boolean doorstep = body.path("doorstep").asBoolean(false);
        BigDecimal amount = new BigDecimal("20").add(BigDecimal.valueOf(5L * parcels))
                .add(weight.multiply(new BigDecimal("2"))).add(restricted ? new BigDecimal("30") : BigDecimal.ZERO)
                .add(doorstep ? new BigDecimal("15") : BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_UP);
        ObjectNode q = json.createObjectNode();
        q.put("amount", amount.toPlainString());
        q.put("currency", "CNY");
        q.put("pickupHours", restricted ? 6 : 4);
        q.put("transitHours", "42".equals(body.path("destination").asText()) ? 20 : 30);
        q.put("validForMinutes", 60);
        return q;
    }

    /** A new order is 201, the same client reference again 200 with the order it made. */
    private Map.Entry<Integer, JsonNode> place(JsonNode body) {
        String reference = body.path("clientReference").asText("");
        String destination = body.path("destination").path("province").asText("");
        BigDecimal weight = body.path("weightKg").decimalValue();
        if (reference.isEmpty() || destination.isEmpty() || body.path("parcels").asInt(0) < 1 || weight.signum() <= 0) {
            throw new Refusal(400, "BAD_REQUEST",
                    "clientReference, destination.province, parcels and weightKg are required");
        }
        refuseOverweight(weight);
        Courier.Placed placed = courier.place(reference, destination);
        return Map.entry(placed.created() ? 201 : 200, order(placed.order()));
    }

    private static void refuseOverweight(BigDecimal weight) {
        if (weight.compareTo(MAX_WEIGHT_KG) > 0) {
            throw new Refusal(422, "OVERWEIGHT", "Express takes at most " + MAX_WEIGHT_KG + " kg per order");
        }
    }

    private ObjectNode order(CourierOrder.View o) {
        ObjectNode n = json.createObjectNode();
        n.put("waybill", o.waybill());
        n.put("clientReference", o.reference());
        n.put("state", o.state());
        Instant created = o.created().truncatedTo(ChronoUnit.SECONDS);
        n.put("etaPickup", created.plus(Duration.ofHours(4)).toString());
        n.put("etaDelivery", created.plus(Duration.ofHours("42".equals(o.destination()) ? 24 : 34)).toString());
        return n;
    }

    private JsonNode events(String waybill) {
        ObjectNode answer = json.createObjectNode();
        answer.put("waybill", waybill);
        ArrayNode list = answer.putArray("events");
        for (CourierSimulator.Event e : courier.eventsOf(waybill)) {
            ObjectNode n = list.addObject();
            n.put("code", e.code());
            n.put("time", e.time().toString());
            n.put("place", e.place());
            n.put("remark", e.remark());
            n.put("signedBy", e.signedBy());
            n.put("signature", e.signature());
        }
        return answer;
    }

    private JsonNode body(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            JsonNode n = json.readTree(in);
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new Refusal(400, "BAD_REQUEST", "body is not JSON");
        }
    }

    private ObjectNode error(String code, String message) {
        ObjectNode n = json.createObjectNode();
        n.put("error", code);
        n.put("message", message);
        return n;
    }

    private void send(HttpExchange ex, Map.Entry<Integer, JsonNode> answer) throws IOException {
        byte[] bytes = json.writeValueAsBytes(answer.getValue());
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(answer.getKey(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
