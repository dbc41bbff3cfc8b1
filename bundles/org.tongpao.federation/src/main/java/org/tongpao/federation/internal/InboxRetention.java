package org.tongpao.federation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code tp_fed_inbox} from growing for ever: at most once an hour (the relay calls it when idle), the rows of
 * messages applied more than {@code keepInboxDays} ago are deleted, a thousand per transaction. The row is what makes
 * a redelivery a no-op, so the id of a message whose handler does not declare {@code newer-wins} is kept in
 * {@code tp_fed_inbox_key} (only the id): a posting redelivered a year later still counts once. A newer-wins
 * snapshot's id is forgotten: an old copy of it changes nothing by its contract. Parked messages have no inbox row
 * until applied, so they are never touched; a link's latest row stays (its last arrival).
 */
final class InboxRetention {
    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);
    static final int CHUNK = 1000;
    static final Duration EVERY = Duration.ofHours(1);

    private final DataSource ds;
    private final Handlers handlers;
    private final Clock clock;
    private final IntSupplier keepDays;
    private Instant lastRun;

    /** {@code keepDays}: the current {@code keepInboxDays} (0: keep for ever), read at each run. */
    InboxRetention(DataSource ds, Handlers handlers, Clock clock, IntSupplier keepDays) {
        this.ds = ds;
        this.handlers = handlers;
        this.clock = clock;
        this.keepDays = keepDays;
    }

    /** Purges when an hour has passed since the last run; never throws (the next run tries again). */
    synchronized void runNowAndThen() {
        Instant now = clock.instant();
        int days = keepDays.getAsInt();
        if (days <= 0 || lastRun != null && lastRun.plus(EVERY).isAfter(now)) {
            return;
        }
        lastRun = now;
        try {
            int deleted = purgeBefore(now.minus(Duration.ofDays(days)));
            if (deleted > 0) {
                LOG.info("Deleted {} inbox row(s) of messages applied more than {} day(s) ago", deleted, days);
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting old inbox rows failed; trying again in an hour", e);
        }
    }

    /** Deletes the inbox rows received before {@code before} (keeping the ids that dedup still needs); how many. */
    int purgeBefore(Instant before) {
        return ChunkedDelete.run(ds, "federation inbox retention", CHUNK, c -> {
            List<InboxRows.Old> old = InboxRows.receivedBefore(c, before, CHUNK);
            InboxRows.forget(c, old, old.stream().filter(o -> !handlers.newerWins(o.type()))
                    .map(InboxRows.Old::messageId).toList());
            return old.size();
        }, () -> true);
    }
}
