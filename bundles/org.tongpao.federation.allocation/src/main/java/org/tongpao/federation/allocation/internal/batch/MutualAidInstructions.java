package org.tongpao.federation.allocation.internal.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract {@code mutual-aid.instruction} 1.0 (docs/federation.md): central tells the node keeping a batch
 * line's sending depot to dispatch it. Fields a receiver does not know are ignored.
 */
final class MutualAidInstructions {
    static final String TYPE = "mutual-aid.instruction";
    static final String VERSION = "1.0";
    private static final String[] FIELDS = {"batchNumber", "lineNo", "fromDepot", "toDepot", "itemCode", "quantity",
        "reference"};

    private MutualAidInstructions() {
    }

    /** The body from allocation's MUTUAL_AID_INSTRUCTED event. */
    static Map<String, Object> body(Map<String, ?> event) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String f : FIELDS) {
            body.put(f, event.get(f));
        }
        return body;
    }
}
