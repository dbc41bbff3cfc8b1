package org.tongpao.federation.internal.master;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongpao.core.NotFoundException;
import org.tongpao.federation.Federation;
import org.tongpao.federation.SnapshotSequences;

/**
 * The master-data contracts central sends down ({@code docs/federation.md}): their types, their version, the
 * caller central's link acts as on a provincial node, and reading a snapshot's body.
 */
final class MasterData {
    static final String ORG_UNIT = SnapshotSequences.ORG_UNIT;
    static final String ITEM = SnapshotSequences.ITEM;
    static final String DEPOT = SnapshotSequences.DEPOT;
    static final String VERSION = "1.0";
    /** The user central's messages are applied as on a provincial node: the one writer of its master data. */
    static final String CENTRAL_LINK = "node:" + Federation.CENTRAL;

    private MasterData() {
    }

    /** A record looked up by code, or empty where this node has none yet. */
    static <T> Optional<T> byCode(Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** A required text field of a snapshot (a missing one fails the message, which is parked with the reason). */
    static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("snapshot field '" + field + "' is missing");
        }
        return s;
    }

    static String optionalText(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v == null ? null : v.toString();
    }

    static boolean flag(Map<String, Object> body, String field, boolean absent) {
        Object v = body.get(field);
        return v == null ? absent : Boolean.parseBoolean(v.toString());
    }

    static Integer optionalInt(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v == null ? null : ((Number) v).intValue();
    }
}
