package org.tongpao.federation.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** {@link FederationConfig}, checked: the province list parsed, the batch size within 1..100. */
record Settings(String broker, String user, String password, Set<String> provinces, int batchSize, long pollMillis,
        int keepSentDays, int keepInboxDays) {
    static final int MAX_BATCH = 100;

    Settings {
        broker = broker == null ? "" : broker.strip();
        user = blankToNull(user);
        password = blankToNull(password);
        provinces = Collections.unmodifiableSet(new TreeSet<>(provinces));
        batchSize = Math.max(1, Math.min(MAX_BATCH, batchSize));
        pollMillis = Math.max(10, pollMillis);
        keepSentDays = Math.max(0, keepSentDays);
        keepInboxDays = Math.max(0, keepInboxDays);
    }

    static Settings of(FederationConfig config) {
        return new Settings(config.broker(), config.user(), config.password(), provinces(config.provinces()),
                config.batchSize(), config.pollMillis(), config.keepSentDays(), config.keepInboxDays());
    }

    /** Whether a broker is configured: without one the links stay down and the outbox only grows. */
    boolean configured() {
        return !broker.isEmpty();
    }

    private static Set<String> provinces(String list) {
        Set<String> codes = new TreeSet<>();
        for (String code : Arrays.asList(list == null ? new String[0] : list.split("[,\\s]+"))) {
            if (code.isEmpty()) {
                continue;
            }
            if (!Nodes.isProvinceCode(code)) {
                throw new IllegalArgumentException("provinces: not a province code: " + code);
            }
            codes.add(code);
        }
        return codes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
