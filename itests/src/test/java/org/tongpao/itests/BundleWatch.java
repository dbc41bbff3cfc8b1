package org.tongpao.itests;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Watches the bundles installed when it starts, for a partner's KAR or feature that must leave them alone: which
 * of them are stopped or unresolved (a refresh) while it listens, and which were updated (last-modified changed).
 */
final class BundleWatch {
    private final BundleContext context;
    private final Map<Long, Long> before = new HashMap<>();
    private final List<String> disturbed = new CopyOnWriteArrayList<>();
    private final BundleListener listener = this::seen;

    private BundleWatch(BundleContext context) {
        this.context = context;
        for (Bundle b : context.getBundles()) {
            before.put(b.getBundleId(), b.getLastModified());
        }
    }

    /** Records every bundle's id and last-modified time, then listens. */
    static BundleWatch start(BundleContext context) {
        BundleWatch watch = new BundleWatch(context);
        watch.listen();
        return watch;
    }

    /** Listens (again), forgetting what was seen before. */
    void listen() {
        disturbed.clear();
        context.addBundleListener(listener);
    }

    void stop() {
        context.removeBundleListener(listener);
    }

    /** Bundles present at the start that were stopped or unresolved while listening. */
    List<String> disturbed() {
        return List.copyOf(disturbed);
    }

    /** Bundles present at the start whose last-modified time changed (updated). */
    List<String> updated() {
        List<String> changed = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            Long lastModified = before.get(b.getBundleId());
            if (lastModified != null && lastModified != b.getLastModified()) {
                changed.add(b.getSymbolicName());
            }
        }
        return changed;
    }

    int bundlesBefore() {
        return before.size();
    }

    /** Stops listening and asserts that no bundle present at the start was stopped, refreshed, updated or removed. */
    void assertUndisturbed() {
        stop();
        assertTrue("no existing bundle was stopped or refreshed: " + disturbed, disturbed.isEmpty());
        assertTrue("no existing bundle was updated: " + updated(), updated().isEmpty());
        for (Long id : before.keySet()) {
            assertNotNull("bundle " + id + " is still there", context.getBundle(id));
        }
    }

    private void seen(BundleEvent e) {
        if (before.containsKey(e.getBundle().getBundleId())
                && (e.getType() == BundleEvent.UNRESOLVED || e.getType() == BundleEvent.STOPPED)) {
            disturbed.add(e.getBundle().getSymbolicName() + " " + e.getType());
        }
    }
}
