package org.tongpao.transport.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.transport.Sla;
import org.tongpao.transport.SlaMilestone;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.api.ServicePromise;

/**
 * The SLA arithmetic, free of clocks and databases: deadlines from a promise at booking, and the state
 * of each promise at a given instant. A promise is at risk in the last fifth of its window.
 */
public final class SlaClock {
    public static final String ACCEPT = "ACCEPT";
    public static final String PICKUP = "PICKUP";
    public static final String DELIVERY = "DELIVERY";

    private SlaClock() {
    }

    /** The deadlines of a booking made at {@code bookedAt} into {@code province}. */
    public static Deadlines deadlines(ServicePromise promise, Instant bookedAt, String province) {
        return deadlines(promise, bookedAt, province, null);
    }

    /**
     * The deadlines of a booking whose order asked for delivery by {@code deliverBy} (null: no date): the
     * delivery is due at the earlier of the promise's deadline and {@code deliverBy}, since the carrier took
     * the order with that date in it; accepting and picking up keep the promise's deadlines.
     */
    public static Deadlines deadlines(ServicePromise promise, Instant bookedAt, String province, Instant deliverBy) {
        Duration deliverWithin = promise.deliverWithin(province);
        if (deliverBy != null && deliverBy.isAfter(bookedAt) && deliverBy.isBefore(bookedAt.plus(deliverWithin))) {
            deliverWithin = Duration.between(bookedAt, deliverBy);
        }
        return new Deadlines(
                new Window(bookedAt.plus(promise.acceptWithin()), warn(bookedAt, promise.acceptWithin())),
                new Window(bookedAt.plus(promise.pickupWithin()), warn(bookedAt, promise.pickupWithin())),
                new Window(bookedAt.plus(deliverWithin), warn(bookedAt, deliverWithin)));
    }

    private static Instant warn(Instant start, Duration window) {
        return start.plus(window.minus(window.dividedBy(5)));
    }

    /** A deadline and the moment from which it is at risk. */
    public record Window(Instant due, Instant warnFrom) {
    }

    public record Deadlines(Window accept, Window pickup, Window delivery) {
    }

    /** When each milestone happened (null = not yet); a later milestone implies the earlier ones. */
    public record Progress(Instant acceptedAt, Instant pickedUpAt, Instant deliveredAt) {
    }

    /**
     * The SLA at {@code now}. With {@code running} false (cancelled, failed) milestones not reached are
     * left out: nobody owes them any more.
     */
    public static Sla evaluate(Deadlines d, Progress p, boolean running, Instant now) {
        Instant delivered = p.deliveredAt();
        Instant pickedUp = first(p.pickedUpAt(), delivered);
        Instant accepted = first(p.acceptedAt(), pickedUp);
        List<SlaMilestone> milestones = new ArrayList<>(3);
        add(milestones, ACCEPT, d.accept(), accepted, running, now);
        add(milestones, PICKUP, d.pickup(), pickedUp, running, now);
        add(milestones, DELIVERY, d.delivery(), delivered, running, now);
        SlaState worst = milestones.stream().map(SlaMilestone::state).max(Enum::compareTo).orElse(SlaState.MET);
        return new Sla(worst, now, List.copyOf(milestones));
    }

    private static void add(List<SlaMilestone> out, String name, Window w, Instant done, boolean running, Instant now) {
        if (done != null) {
            out.add(new SlaMilestone(name, w.due(), done, done.isAfter(w.due()) ? SlaState.LATE : SlaState.MET));
        } else if (running) {
            SlaState s = !now.isBefore(w.due()) ? SlaState.BREACHED
                    : !now.isBefore(w.warnFrom()) ? SlaState.AT_RISK : SlaState.PENDING;
            out.add(new SlaMilestone(name, w.due(), null, s));
        }
    }

    /**
     * When the SLA watch must next look at a shipment: for each promise still owed, its warning moment until it is
     * flagged at risk or breached, then its deadline until it is flagged breached; the earliest of those, or null
     * when nothing is owed (clock stopped, every promise kept or flagged). {@code flags} holds {@code MILESTONE:LEVEL}.
     */
    public static Instant nextAlert(Deadlines d, Progress p, boolean running, java.util.Set<String> flags) {
        if (!running) {
            return null;
        }
        Instant delivered = p.deliveredAt();
        Instant pickedUp = first(p.pickedUpAt(), delivered);
        Instant accepted = first(p.acceptedAt(), pickedUp);
        Instant next = nextOf(ACCEPT, d.accept(), accepted, flags);
        next = first(next, nextOf(PICKUP, d.pickup(), pickedUp, flags));
        return first(next, nextOf(DELIVERY, d.delivery(), delivered, flags));
    }

    private static Instant nextOf(String name, Window w, Instant done, java.util.Set<String> flags) {
        if (done != null || flags.contains(name + ":" + SlaState.BREACHED)) {
            return null;
        }
        return flags.contains(name + ":" + SlaState.AT_RISK) ? w.due() : w.warnFrom();
    }

    /** The earlier of two instants, either may be null. */
    static Instant first(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
