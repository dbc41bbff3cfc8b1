package org.tongpao.federation.internal;

import java.util.List;
import org.tongpao.federation.LinkStatus;

/**
 * What {@code GET /api/v1/federation} answers: this node, whether a broker is configured and reached, and the links
 * the caller may see.
 *
 * @param state {@code not configured} (no broker: messages wait in the outbox), {@code connected} or
 *              {@code disconnected}
 */
public record FederationStatus(String node, String broker, String state, List<LinkStatus> links) {
    public static final String NOT_CONFIGURED = "not configured";
    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";
}
