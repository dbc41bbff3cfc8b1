package org.tongpao.rest.internal.login;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongpao.rest.internal.ConfigEntries;

/**
 * The limits of {@code @RateLimited} operations: calls per client address and limit name in fixed windows, on the
 * same bounded counters as the login throttle. Refused calls are not counted, so a client that waits out the
 * window gets its full allowance back. The configuration may override a declared limit by name.
 */
public final class RequestRates {
    private static final Pattern OVERRIDE = Pattern.compile("\\s*([\\w.-]+)\\s*=\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    /** So many calls per window. */
    public record Limit(int requests, long windowMillis) {
        public Limit {
            if (requests < 1 || windowMillis < 1) {
                throw new IllegalArgumentException("a rate limit needs at least one call per positive window");
            }
        }
    }

    /** Allowed, or not before {@code retryAfterMillis}; {@code limit} is the one that applied. */
    public record Verdict(boolean allowed, long retryAfterMillis, Limit limit) {
        /** Whole seconds for Retry-After, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

    private final LongSupplier clock;
    private final CounterMap<Key> counters = new CounterMap<>();
    private volatile Map<String, Limit> overrides;

    public RequestRates(Map<String, Limit> overrides, LongSupplier millisClock) {
        this.overrides = Map.copyOf(overrides);
        this.clock = millisClock;
    }

    public void update(Map<String, Limit> newOverrides) {
        this.overrides = Map.copyOf(newOverrides);
    }

    /** Counts a call of limit {@code name} from {@code address} if the limit (configured, else declared) allows it. */
    public Verdict acquire(String name, Limit declared, String address) {
        Limit limit = overrides.getOrDefault(name, declared);
        long now = clock.getAsLong();
        Counter c = counters.getOrCreate(new Key(name, address), now, limit.windowMillis());
        synchronized (c) {
            if (c.count >= limit.requests() && now < c.windowEnd(limit.windowMillis())) {
                return new Verdict(false, c.windowEnd(limit.windowMillis()) - now, limit);
            }
            c.countInWindow(now, limit.windowMillis());
            return new Verdict(true, 0, limit);
        }
    }

    /** {@code name=requests/seconds} entries (each may hold several, comma-separated); a malformed one is refused. */
    public static Map<String, Limit> parse(String[] configured) {
        Map<String, Limit> out = new HashMap<>();
        for (String entry : ConfigEntries.of(configured)) {
            Matcher m = OVERRIDE.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("rateLimits entry '" + entry + "' is not name=requests/seconds");
            }
            out.put(m.group(1), new Limit(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)) * 1000L));
        }
        return out;
    }

    private record Key(String name, String address) {
    }
}
