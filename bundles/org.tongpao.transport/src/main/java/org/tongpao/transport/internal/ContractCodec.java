package org.tongpao.transport.internal;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Per-province delivery promises stored as {@code 42=86400;11=172800} (seconds). */
final class ContractCodec {
    private ContractCodec() {
    }

    static String encode(Map<String, Duration> byProvince) {
        if (byProvince.isEmpty()) {
            return null;
        }
        return new TreeMap<>(byProvince).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toSeconds())
                .collect(Collectors.joining(";"));
    }

    static Map<String, Duration> decode(String s) {
        Map<String, Duration> m = new TreeMap<>();
        if (s != null && !s.isBlank()) {
            for (String part : s.split(";")) {
                String[] kv = part.split("=", 2);
                m.put(kv[0], Duration.ofSeconds(Long.parseLong(kv[1])));
            }
        }
        return m;
    }
}
