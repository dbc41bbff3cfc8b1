package org.tongpao.transport.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads of the bundle's own pools: named for thread dumps, daemons so that none holds the framework up. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads named {@code <prefix>-1}, {@code <prefix>-2}, … */
    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
