package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.federation.inventory.internal.transfer.TransferMessages;
import org.tongpao.inventory.CrossNodeTransfers;

/**
 * Records the transfers on their way to this province's depots, as central's {@code transfer.dispatched} would have:
 * through {@link CrossNodeTransfers#accept}, as central, inside the page's transaction. Each becomes this node's
 * inbound transfer, received by the normal receipt, whose {@code transfer.received} closes the sender's side. One
 * already here (the message was applied, or is applied later from the down queue) changes nothing.
 */
final class TransferApplier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() { };

    private final CrossNodeTransfers transfers;

    TransferApplier(CrossNodeTransfers transfers) {
        this.transfers = transfers;
    }

    void apply(Caller central, JsonNode rows) {
        for (JsonNode row : rows) {
            transfers.accept(central, TransferMessages.inTransit(JSON.convertValue(row, ROW)));
        }
    }
}
