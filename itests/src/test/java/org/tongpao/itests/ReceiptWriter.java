package org.tongpao.itests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A depot keeper receiving goods back to back on one node, each receipt with its own quantity ({@code base + n}),
 * so that a replica's lots show which receipts arrived and how often. Only receipts the node acknowledged (201)
 * count; a receipt whose answer was lost when the node died may or may not be there, and is not counted; one
 * refused with 503 (the node starting or stopping) wrote nothing and is not counted either. A writer whose node
 * goes away waits and writes again when it is back.
 */
public final class ReceiptWriter implements AutoCloseable {

    private final NodeStock stock;
    private final long depot;
    private final long item;
    private final long base;
    private final String tag;
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Thread thread;

    public ReceiptWriter(NodeStock stock, long depot, long item, long base, String tag) {
        this.stock = stock;
        this.depot = depot;
        this.item = item;
        this.base = base;
        this.tag = tag;
        this.thread = new Thread(this::write, "receipts-" + tag);
        thread.start();
    }

    private void write() {
        for (long n = 1; writing.get(); n++) {
            long quantity = base + n;
            try {
                int status = stock.receive(depot, item, quantity, tag + "-" + n).status();
                if (status == 201) {
                    acknowledged.add(quantity);
                } else if (status == 503) {
                    // the node is starting or stopping (e.g. its forwarder not bound yet): nothing was written, so
                    // the receipt is not counted; wait as Retry-After asks and go on
                    pause();
                }
            } catch (IllegalStateException nodeDown) {
                pause(); // the node is being killed or restarted: its answer is lost, so this receipt is not counted
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The quantities of the receipts acknowledged so far. */
    public List<Long> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Stops writing and waits for the receipt in flight. */
    @Override
    public void close() throws InterruptedException {
        writing.set(false);
        thread.join(60_000);
    }
}
