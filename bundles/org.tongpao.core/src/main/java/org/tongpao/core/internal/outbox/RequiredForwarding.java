package org.tongpao.core.internal.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.tongpao.core.spi.EventForwarder;

/**
 * The topics that must be forwarded: what the installed bundles declare in {@link EventForwarder#NAMESPACE}
 * (written by {@code @EventTopics}). Tracked from INSTALLED to STOPPING, so a forwarder bundle that is starting,
 * stopping or waiting for its references still counts: only uninstalling it withdraws its topics. A node without
 * federation has no such bundle and so no requirement.
 */
final class RequiredForwarding implements BundleTrackerCustomizer<Long> {
    static final int STATES = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    /** Declaring bundle (or test) → its patterns. */
    private final Map<Long, List<String>> declared = new ConcurrentHashMap<>();
    private final Runnable changed;

    /** {@code changed}: run after a declaration comes or goes (wakes writers waiting for a forwarder). */
    RequiredForwarding(Runnable changed) {
        this.changed = changed;
    }

    void declare(long declarer, List<String> patterns) {
        declared.put(declarer, List.copyOf(patterns));
        changed.run();
    }

    void withdraw(long declarer) {
        declared.remove(declarer);
        changed.run();
    }

    /** Every declared pattern taking {@code topic} (exact or prefix), possibly repeated. */
    List<String> patternsFor(String topic) {
        return declared.values().stream().flatMap(List::stream).filter(p -> matches(p, topic)).toList();
    }

    /** Whether {@code pattern} (exact, {@code *}, or {@code prefix/*}) takes {@code topic}. */
    static boolean matches(String pattern, String topic) {
        return pattern.equals(topic) || pattern.equals("*")
                || pattern.endsWith("/*") && topic.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    /** The topics {@code bundle} declares, empty for none. */
    static List<String> declaredBy(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        return revision.getDeclaredCapabilities(EventForwarder.NAMESPACE).stream()
                .map(BundleCapability::getAttributes)
                .map(a -> a.get(EventForwarder.TOPICS_ATTRIBUTE))
                .flatMap(RequiredForwarding::topics)
                .toList();
    }

    private static java.util.stream.Stream<String> topics(Object attribute) {
        if (attribute instanceof List<?> list) {
            return list.stream().map(String::valueOf);
        }
        return attribute == null ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(attribute.toString());
    }

    @Override
    public Long addingBundle(Bundle bundle, BundleEvent event) {
        List<String> topics = declaredBy(bundle);
        if (topics.isEmpty()) {
            return null;
        }
        declare(bundle.getBundleId(), topics);
        return bundle.getBundleId();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
        // an update brings a new revision, which may declare other topics
        List<String> topics = declaredBy(bundle);
        if (topics.isEmpty()) {
            withdraw(id);
        } else {
            declare(id, topics);
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
        withdraw(id);
    }
}
