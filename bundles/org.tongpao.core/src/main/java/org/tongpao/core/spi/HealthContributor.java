package org.tongpao.core.spi;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of this node that {@code GET /health} reports (whiteboard: register it as a service). Its check appears
 * under {@code checks.<name>} as UP or DOWN and its details under {@code details.<name>}; only an
 * {@linkplain Check#essential() essential} DOWN makes the whole node DOWN (503). The report is public: details
 * carry state, never secrets or addresses.
 *
 * @since 1.3
 */
@ConsumerType
public interface HealthContributor {

    /** The check's name, e.g. {@code federation}. */
    String name();

    /** The check now; fast (it runs on every health request) and never throwing for a DOWN. */
    Check check();

    /**
     * One check's result.
     *
     * @param up        whether this part works
     * @param essential whether a DOWN makes the node DOWN; false for a part the node serves users without (a link
     *                  to another node that is away: the node keeps working and catches up later)
     * @param details   what to show, JSON-serialisable (maps, lists, text, numbers, booleans, times)
     */
    record Check(boolean up, boolean essential, Map<String, Object> details) {
        public Check {
            details = details == null ? Map.of() : details;
        }
    }
}
