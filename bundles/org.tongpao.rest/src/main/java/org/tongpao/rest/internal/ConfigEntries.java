package org.tongpao.rest.internal;

import java.util.Arrays;
import java.util.List;

/** A list property's entries: each value may hold several, comma-separated; blank ones are dropped. */
public final class ConfigEntries {
    private ConfigEntries() {
    }

    public static List<String> of(String[] values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).filter(e -> !e.isBlank()).toList();
    }
}
