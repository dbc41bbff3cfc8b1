package org.tongpao.federation.inventory.internal.census;

import java.time.Instant;
import java.util.Map;
import org.tongpao.federation.Federation;

/** The census contracts ({@code docs/federation.md}): types, version, and reading their bodies. */
final class CensusContracts {
    static final String OPENED = "census.opened";
    static final String SUBMISSION = "census.submission";
    static final String VERSION = "1.0";
    /** How a census opened at central is named on every node: {@code central/<its id there>}. */
    static final String CENTRAL_PREFIX = Federation.CENTRAL + "/";

    private CensusContracts() {
    }

    static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.toString();
    }

    static Instant instant(Map<String, Object> body, String field) {
        return Instant.parse(text(body, field));
    }

    static long number(Object value, String field) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return n.longValue();
    }

    /** Central's id of a census named {@code central/17}. */
    static long centralId(String census) {
        if (!census.startsWith(CENTRAL_PREFIX)) {
            throw new IllegalArgumentException("census " + census + " was not opened at central");
        }
        return Long.parseLong(census.substring(CENTRAL_PREFIX.length()));
    }
}
