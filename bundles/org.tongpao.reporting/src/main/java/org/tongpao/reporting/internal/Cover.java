package org.tongpao.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.ReportPlace;

/** Days of supply and the stock-out date of one place × item at the recent rate of issues. */
final class Cover {
    private static final double SECONDS_PER_DAY = 86_400d;
    /** Ten years: a "stock-out" further away is no forecast (and a date in the year 21383 helps nobody). */
    static final double HORIZON_DAYS = 3_650d;

    private Cover() {
    }

    /**
     * @param issued    units issued in the {@code windowDays} before {@code asOf}
     * @param onOrder   outstanding on open purchase orders, null when procurement is not installed
     */
    static CoverReport.CoverRow row(ReportPlace place, String itemCode, String itemName, long onHand, long available,
            long issued, int windowDays, long inTransit, Long onOrder, Instant asOf) {
        long incoming = inTransit + (onOrder == null ? 0 : onOrder);
        if (issued <= 0) {
            // nothing issued in the window: no rate, so no forecast (not "infinite", not zero)
            return new CoverReport.CoverRow(place, itemCode, itemName, onHand, available, 0, null, null, inTransit,
                    onOrder, incoming, null, null);
        }
        double rate = (double) issued / windowDays;
        double days = onHand / rate;
        double withIncoming = (onHand + incoming) / rate;
        LocalDate stockOut = withIncoming > HORIZON_DAYS ? null
                : LocalDate.ofInstant(asOf.plusSeconds((long) Math.floor(withIncoming * SECONDS_PER_DAY)),
                        ZoneOffset.UTC);
        return new CoverReport.CoverRow(place, itemCode, itemName, onHand, available, issued, round(rate), round(days),
                inTransit, onOrder, incoming, round(withIncoming), stockOut);
    }

    /** Two decimals are enough for a report and keep the JSON and the spreadsheets equal. */
    static double round(double v) {
        return Math.round(v * 100d) / 100d;
    }
}
