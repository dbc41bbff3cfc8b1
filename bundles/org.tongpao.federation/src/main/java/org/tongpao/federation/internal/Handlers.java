package org.tongpao.federation.internal;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.federation.MessageHandler;

/** The registered {@link MessageHandler}s by type and major version (the whiteboard's current state). */
final class Handlers {
    private static final Logger LOG = LoggerFactory.getLogger(Handlers.class);

    /** The handler for a message, or why there is none. */
    record Lookup(MessageHandler handler, ParkReason missing) {
    }

    private final Map<String, NavigableMap<Integer, MessageHandler>> byType = new ConcurrentHashMap<>();
    /** The handlers (by type) that declared {@link MessageHandler#NEWER_WINS}. */
    private final Map<String, java.util.Set<MessageHandler>> newerWins = new ConcurrentHashMap<>();

    /** Adds a handler from its service properties; returns its type, or null when the properties name none. */
    String add(MessageHandler handler, Map<String, ?> properties) {
        String type = type(properties);
        if (type == null) {
            LOG.warn("A MessageHandler without a {} property is ignored: {}", MessageHandler.TYPE, handler);
            return null;
        }
        MessageHandler before = byType.computeIfAbsent(type, t -> new ConcurrentSkipListMap<>())
                .put(major(properties), handler);
        if (MessageHandler.NEWER_WINS.equals(properties.get(MessageHandler.REDELIVERY))) {
            newerWins.computeIfAbsent(type, t -> ConcurrentHashMap.newKeySet()).add(handler);
        }
        if (before != null && before != handler) {
            LOG.warn("Two handlers for {} major {}: the one registered last applies the messages", type,
                    major(properties));
        }
        return type;
    }

    void remove(MessageHandler handler, Map<String, ?> properties) {
        String type = type(properties);
        NavigableMap<Integer, MessageHandler> majors = type == null ? null : byType.get(type);
        if (majors != null) {
            majors.remove(major(properties), handler);
        }
        java.util.Set<MessageHandler> declared = type == null ? null : newerWins.get(type);
        if (declared != null) {
            declared.remove(handler);
        }
    }

    /**
     * Whether every handler of {@code type} registered now declares {@link MessageHandler#NEWER_WINS} (none
     * registered: false, the inbox then keeps the id).
     */
    boolean newerWins(String type) {
        NavigableMap<Integer, MessageHandler> majors = byType.get(type);
        java.util.Set<MessageHandler> declared = newerWins.get(type);
        return majors != null && !majors.isEmpty() && declared != null && declared.containsAll(majors.values());
    }

    /**
     * The handler of {@code type} that knows {@code major}; else {@link ParkReason#NEWER_MAJOR} when handlers of the
     * type know only older majors, {@link ParkReason#NO_HANDLER} otherwise.
     */
    Lookup find(String type, int major) {
        NavigableMap<Integer, MessageHandler> majors = byType.get(type);
        if (majors == null || majors.isEmpty()) {
            return new Lookup(null, ParkReason.NO_HANDLER);
        }
        MessageHandler handler = majors.get(major);
        if (handler != null) {
            return new Lookup(handler, null);
        }
        return new Lookup(null, majors.lastKey() < major ? ParkReason.NEWER_MAJOR : ParkReason.NO_HANDLER);
    }

    boolean knows(String type) {
        NavigableMap<Integer, MessageHandler> majors = byType.get(type);
        return majors != null && !majors.isEmpty();
    }

    private static String type(Map<String, ?> properties) {
        Object type = properties.get(MessageHandler.TYPE);
        return type instanceof String s && !s.isBlank() ? s : null;
    }

    private static int major(Map<String, ?> properties) {
        Object major = properties.get(MessageHandler.MAJOR);
        if (major instanceof Number n) {
            return n.intValue();
        }
        return major instanceof String s && !s.isBlank() ? Integer.parseInt(s.strip()) : 1;
    }
}
