package org.tongpao.rest.internal;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongpao.core.rest.BodyLimit;

/**
 * The request body limit of each operation: the server's {@code maxBodyBytes}, unless the method (or its class)
 * carries {@link BodyLimit}, whose bytes the configuration's {@code bodyLimits} may override by name.
 */
record BodyLimits(long defaultBytes, Map<String, Long> configured) {
    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z0-9._-]+)\\s*=\\s*(\\d+)\\s*");

    BodyLimits {
        configured = Map.copyOf(configured);
    }

    /** Every operation at {@code defaultBytes}, the declared limits as declared. */
    static BodyLimits of(long defaultBytes) {
        return new BodyLimits(defaultBytes, Map.of());
    }

    /** The limit for an operation; {@code method} null (nothing matched): the default. */
    long forOperation(Method method, Class<?> resource) {
        BodyLimit declared = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (declared == null && method != null && resource != null) {
            declared = resource.getAnnotation(BodyLimit.class);
        }
        return declared == null ? defaultBytes : configured.getOrDefault(declared.value(), declared.bytes());
    }

    /** {@code name=bytes} entries (each may hold several, comma-separated); a malformed or zero one is refused. */
    static Map<String, Long> parse(String[] entries) {
        Map<String, Long> out = new HashMap<>();
        for (String entry : ConfigEntries.of(entries)) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches() || Long.parseLong(m.group(2)) < 1) {
                throw new IllegalArgumentException("bodyLimits entry '" + entry + "' is not name=bytes (bytes >= 1)");
            }
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }
}
