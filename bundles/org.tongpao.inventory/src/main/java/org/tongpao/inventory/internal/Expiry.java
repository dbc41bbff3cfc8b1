package org.tongpao.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.IntSupplier;

/** "Today" and "now" by the component's clock, and the short-dated rule that depends on them. */
record Expiry(Clock clock, IntSupplier days) {
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** At the timestamp columns' millisecond precision, so what a write built equals what a read returns. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    int shortDatedDays() {
        return days.getAsInt();
    }

    boolean shortDated(LocalDate expiry, LocalDate today) {
        return expiry != null && !expiry.isBefore(today) && !expiry.isAfter(today.plusDays(shortDatedDays()));
    }

    /** SQL: a lot that may be issued is AVAILABLE and not past its expiry date. */
    static String issuable(String lotAlias, String todayParam) {
        return lotAlias + ".lot_status = 'AVAILABLE' AND (" + lotAlias + ".expiry_date IS NULL OR " + lotAlias
                + ".expiry_date >= " + todayParam + ")";
    }
}
