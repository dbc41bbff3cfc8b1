package org.tongpao.federation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message between two nodes, as a {@link MessageHandler} receives it. On the wire it is a JSON
 * envelope {@code {"id", "type", "version", "from", "to", "occurredAt", "body"}}; {@code id} is also
 * Artemis' duplicate-detection id, so a resend after an outage is stored once.
 *
 * @param id         unique over the federation: {@code <from>/<outbox id>}, e.g. {@code province:42/1017}
 * @param type       what the message says, {@code <area>.<event>}, e.g. {@code stock.posting}
 * @param version    the contract version of {@code type}, {@code <major>.<minor>}: a receiver takes any minor
 *                   of a major it knows (ignoring fields it does not know) and parks a newer major
 * @param from       the sending node ({@code central} or {@code province:<code>})
 * @param to         the receiving node
 * @param occurredAt when the change happened on the sending node (not when it was sent or arrived): late,
 *                   back-dated messages are ordered by it
 * @param body       the contract's fields (JSON: text, numbers as {@code Long} or {@code Double}, booleans,
 *                   lists, maps; times as ISO-8601 text)
 */
public record Message(String id, String type, String version, String from, String to, Instant occurredAt,
        Map<String, Object> body) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(occurredAt, "occurredAt");
        body = body == null ? Map.of() : body;
    }

    /** The major version: a receiver that knows a lower one parks the message. */
    public int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.') < 0 ? version.length() : version.indexOf('.')));
    }
}
