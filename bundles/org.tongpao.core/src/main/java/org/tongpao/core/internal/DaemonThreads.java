package org.tongpao.core.internal;

import java.util.concurrent.ThreadFactory;

/** Core's background threads (migrations, the event outbox): named, and daemons so they never hold a stop. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
