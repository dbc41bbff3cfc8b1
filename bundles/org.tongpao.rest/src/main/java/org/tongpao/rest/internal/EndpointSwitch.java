package org.tongpao.rest.internal;

import java.io.Closeable;
import java.io.IOException;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Endpoint;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerLifeCycleManager;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.transport.ChainInitiationObserver;
import org.apache.cxf.transport.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the live server and replaces it without a gap.
 *
 * <p>What CXF 3.6 does, read from its source and checked by {@code RestHttpTest}: a second server
 * created at the same address shares the first one's HTTP destination (the transport looks the
 * address up in its registry); {@code Server.start()} refuses while the destination has an observer
 * ("ALREADY_RUNNING"); {@code Server.stop()} sets the observer to null, which <em>deactivates</em>
 * the destination (the servlet transport drops it from its registry, Jetty removes its handler) so
 * stop-then-start leaves a window of 404s; and {@code destroy()} shuts the shared destination down.
 *
 * <p>So the first server starts normally, and every later one is built while the old one serves
 * and then takes over by replacing the destination's observer in one step (non-null to non-null does
 * not deactivate). The old server is then released by hand: its cleanup hooks, life-cycle listeners
 * and registry entry, i.e. what {@code stop()}/{@code destroy()} would do minus touching the destination.
 */
final class EndpointSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointSwitch.class);

    private Server current;
    /** Whether {@code current} took over by observer hand-over (then its own stop() would do nothing). */
    private boolean handedOver;

    synchronized Server current() {
        return current;
    }

    /** Makes {@code next} (created, not started) the live server and retires the previous one. */
    synchronized void switchTo(Server next) {
        Server previous = current;
        if (previous == null) {
            next.start();
            handedOver = false;
        } else if (previous.getDestination() == next.getDestination()) {
            handOver(previous, next);
            handedOver = true;
        } else {
            // the address changed: nothing is shared, so the old server goes completely
            next.start();
            shutDown(previous, handedOver);
            handedOver = false;
        }
        current = next;
    }

    /** Stops the live server and its destination (component deactivation, or no resources left). */
    synchronized void close() {
        if (current != null) {
            shutDown(current, handedOver);
            current = null;
        }
    }

    private static void shutDown(Server s, boolean handedOver) {
        if (handedOver) {
            // never start()ed, so stop() inside destroy() would neither clean up nor clear the observer
            release(s);
            s.getDestination().setMessageObserver(null);
        }
        s.destroy();
    }

    /** A server created but never made live: drop it without touching a destination it may share. */
    static void discard(Server unused, Server live) {
        if (live == null || unused.getDestination() != live.getDestination()) {
            unused.destroy();
        }
    }

    private static void handOver(Server previous, Server next) {
        Bus bus = bus(next);
        Destination d = next.getDestination();
        synchronized (d) {
            d.setMessageObserver(new ChainInitiationObserver(next.getEndpoint(), bus));
        }
        ServerRegistry registry = bus.getExtension(ServerRegistry.class);
        if (registry != null) {
            registry.register(next);
        }
        ServerLifeCycleManager lifeCycle = bus.getExtension(ServerLifeCycleManager.class);
        if (lifeCycle != null) {
            lifeCycle.startServer(next);
        }
        release(previous);
    }

    /** What Server.stop()/destroy() do for a server, except clearing or shutting its destination. */
    private static void release(Server s) {
        Endpoint endpoint = s.getEndpoint();
        for (Closeable c : endpoint.getCleanupHooks()) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.warn("Cleanup of a retired REST server failed", e);
            }
        }
        Bus bus = bus(s);
        ServerLifeCycleManager lifeCycle = bus.getExtension(ServerLifeCycleManager.class);
        if (lifeCycle != null) {
            lifeCycle.stopServer(s);
        }
        ServerRegistry registry = bus.getExtension(ServerRegistry.class);
        if (registry != null) {
            registry.unregister(s);
        }
    }

    private static Bus bus(Server s) {
        return (Bus) s.getEndpoint().get(Bus.class.getName());
    }
}
