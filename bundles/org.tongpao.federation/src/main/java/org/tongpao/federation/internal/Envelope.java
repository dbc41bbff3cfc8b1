package org.tongpao.federation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongpao.federation.Message;

/**
 * The JSON envelope of a message on the wire: {@code {id, type, version, from, to, occurredAt, queuedAt, body}}.
 * {@code queuedAt} (when the sender's outbox took it) gives the receiving link its lag. Times are ISO-8601 text;
 * body numbers read back as Long or Double.
 */
final class Envelope {
    /** The largest body an outbox row holds (its column's size). */
    static final int MAX_BODY = 32_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(TemporalAccessor.class, ToStringSerializer.instance))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    /** A message as it arrived, with when the sender queued it. */
    record Received(Message message, Instant queuedAt) {
    }

    private Envelope() {
    }

    /** A message body as JSON text. */
    static String body(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body == null ? Map.of() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A message body must be JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The envelope of an outbox row: {@code body} is the row's JSON text, copied as is. */
    static String write(String id, String type, String version, String from, String to, Instant occurredAt,
            Instant queuedAt, String body) {
        try {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.put("id", id).put("type", type).put("version", version).put("from", from).put("to", to)
                    .put("occurredAt", occurredAt.toString()).put("queuedAt", queuedAt.toString());
            envelope.set("body", JSON.readTree(body));
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox row " + id + " holds no JSON body", e);
        }
    }

    /**
     * Reads an envelope; a missing field, a bad time or no JSON at all is a {@link MalformedEnvelopeException}.
     * Fields it does not know are ignored (a newer sender may add some).
     */
    static Received read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEnvelopeException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEnvelopeException("not a JSON object");
        }
        JsonNode body = root.get("body");
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new MalformedEnvelopeException("body is not a JSON object");
        }
        try {
            Message m = new Message(text(root, "id"), text(root, "type"), text(root, "version"), text(root, "from"),
                    text(root, "to"), time(root, "occurredAt"), body == null || body.isNull() ? Map.of()
                            : JSON.convertValue(body, JSON.getTypeFactory().constructMapType(LinkedHashMap.class,
                                    String.class, Object.class)));
            JsonNode queued = root.get("queuedAt");
            return new Received(m, queued == null || queued.isNull() ? null : time(root, "queuedAt"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEnvelopeException(e.getMessage());
        }
    }

    /** The message id of a raw envelope when it has one (for parking an unreadable message by its id). */
    static String idOf(String json) {
        try {
            JsonNode id = JSON.readTree(json).get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new MalformedEnvelopeException(field + " missing");
        }
        return n.asText();
    }

    private static Instant time(JsonNode root, String field) {
        try {
            return Instant.parse(text(root, field));
        } catch (DateTimeParseException e) {
            throw new MalformedEnvelopeException(field + " is not an ISO-8601 instant");
        }
    }

    /** An envelope that cannot be read: the message is parked as REFUSED with this reason. */
    static final class MalformedEnvelopeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedEnvelopeException(String reason) {
            super("Malformed envelope: " + reason);
        }
    }
}
