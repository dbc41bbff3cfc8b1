package org.tongpao.federation.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Transactions;

/**
 * Applies parked messages again: every open one of a type when a handler of that type registers (on one background
 * thread, so a registration never waits), or one on demand. Refused messages are never retried: their sender did
 * not match their link, and still does not.
 */
final class ParkedRetries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParkedRetries.class);

    private final DataSource ds;
    private final Inbox inbox;
    private final Handlers handlers;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tongpao-federation-retry");
        t.setDaemon(true);
        return t;
    });

    ParkedRetries(DataSource ds, Inbox inbox, Handlers handlers) {
        this.ds = ds;
        this.inbox = inbox;
        this.handlers = handlers;
    }

    /** A handler of {@code type} arrived: its open parked messages are applied in the background. */
    void retryType(String type) {
        thread.execute(() -> retryNow(type));
    }

    private void retryNow(String type) {
        try {
            List<Long> open = Transactions.read(ds, c -> ParkedRows.retryable(c, type));
            if (!open.isEmpty()) {
                LOG.info("Applying {} parked message(s) of {} again", open.size(), type);
            }
            open.forEach(this::retry);
        } catch (RuntimeException e) {
            LOG.warn("Retrying the parked messages of {} failed; they stay parked", type, e);
        }
    }

    /** Applies parked message {@code seq} again now; returns it as it is afterwards. */
    ParkedMessage retry(long seq) {
        ParkedMessage p = find(seq);
        if (p.reason() == ParkReason.REFUSED) {
            throw new ConflictException("Message " + p.messageId() + " was refused (" + p.error()
                    + "): a refused message is never applied");
        }
        if (p.resolved() == null) {
            inbox.retry(p.link(), p.payload());
        }
        return find(seq);
    }

    ParkedMessage find(long seq) {
        return Transactions.read(ds, c -> ParkedRows.find(c, seq))
                .orElseThrow(() -> new NotFoundException("No parked message " + seq));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
