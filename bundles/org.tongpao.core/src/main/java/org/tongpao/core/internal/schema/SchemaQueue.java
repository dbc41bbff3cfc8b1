package org.tongpao.core.internal.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The extender's bookkeeping, without OSGi: which declared schemas may migrate now (every schema they
 * require is ready), which are ready, which failed. Not thread-safe: the extender uses it from its one
 * thread.
 *
 * @param <B> what declared a schema (a bundle)
 */
public final class SchemaQueue<B> {

    /** A declared schema and its owner. */
    public record Entry<B>(SchemaDeclaration declaration, B owner) {
        public String name() {
            return declaration.name();
        }
    }

    private final Map<String, Entry<B>> declared = new LinkedHashMap<>();
    private final Set<String> ready = new HashSet<>();
    private final Set<String> failed = new HashSet<>();

    /**
     * Adds a declaration; empty when accepted, else the owner that declared the same name first (the
     * second declaration is refused).
     */
    public Optional<B> declare(SchemaDeclaration declaration, B owner) {
        Entry<B> existing = declared.get(declaration.name());
        if (existing != null) {
            return Optional.of(existing.owner());
        }
        declared.put(declaration.name(), new Entry<>(declaration, owner));
        return Optional.empty();
    }

    /** The next schema that may migrate now, in declaration order, or empty. */
    public Optional<Entry<B>> next() {
        for (Entry<B> e : declared.values()) {
            if (!ready.contains(e.name()) && !failed.contains(e.name()) && missing(e).isEmpty()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The schemas {@code entry} requires that are not ready (yet). */
    public List<String> missing(Entry<B> entry) {
        List<String> out = new ArrayList<>();
        for (String r : entry.declaration().requires()) {
            if (!ready.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The declared schemas that are neither ready nor failed: each waits for {@link #missing}. */
    public List<Entry<B>> waiting() {
        List<Entry<B>> out = new ArrayList<>();
        for (Entry<B> e : declared.values()) {
            if (!ready.contains(e.name()) && !failed.contains(e.name())) {
                out.add(e);
            }
        }
        return out;
    }

    public void ready(String name) {
        ready.add(name);
    }

    /** A failed migration is not tried again until its owner declares it anew. */
    public void failed(String name) {
        failed.add(name);
    }

    public boolean isReady(String name) {
        return ready.contains(name);
    }

    /** Forgets what {@code owner} declared (its bundle stopped); the entries removed. */
    public List<Entry<B>> withdraw(B owner) {
        List<Entry<B>> removed = new ArrayList<>();
        declared.values().removeIf(e -> {
            if (e.owner().equals(owner)) {
                removed.add(e);
                ready.remove(e.name());
                failed.remove(e.name());
                return true;
            }
            return false;
        });
        return removed;
    }
}
