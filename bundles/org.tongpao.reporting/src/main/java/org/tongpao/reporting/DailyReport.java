package org.tongpao.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The daily situation report (日报) as of a cut-off: computed from the ledger's movements before {@code asOf}
 * and the batches' timestamps, never from today's balances or statuses, so the same cut-off gives the same report
 * on any later run. {@code from} is {@code asOf} minus 24 hours: the day's flows are the movements in
 * [{@code from}, {@code asOf}). {@code donation} and {@code donations} (1.1): the day's donations (pledged,
 * received, accepted, rejected, passed on and delivered in [{@code from}, {@code asOf})), by province × category,
 * when the donation capability is installed.
 */
public record DailyReport(String scope, Instant asOf, Instant from, List<DailyStockRow> stock,
        List<DailyTransitRow> inTransit,
        Capability allocation, List<DailyBatchRow> batches, Capability donation,
        List<DonationReport.DonationRow> donations) implements Tabular {

    /** The 1.0 form: without the donations section. */
    public DailyReport(String scope, Instant asOf, Instant from, List<DailyStockRow> stock,
            List<DailyTransitRow> inTransit, Capability allocation, List<DailyBatchRow> batches) {
        this(scope, asOf, from, stock, inTransit, allocation, batches, new Capability("donation", false), List.of());
    }

    /** On hand at the cut-off and the day's flows, per place × category (quantities in units). */
    public record DailyStockRow(ReportPlace place, String categoryCode, long onHand, long received, long issued,
            long transferredOut, long transferredIn, long writtenOff, long adjusted) {
    }

    /** Goods dispatched before the cut-off and not yet arrived at it, by destination and item. */
    public record DailyTransitRow(ReportPlace to, String itemCode, long quantity, int transfers) {
    }

    /** A batch approved in the day or dispatched in it ({@code dispatchedAt} null when not by the cut-off). */
    public record DailyBatchRow(String number, String title, String provinceCode, Integer destinationSequence,
            Instant approvedAt, Instant dispatchedAt, long quantity) {
    }

    @Override
    public List<Table> tables() {
        return List.of(
                new Table("stock", List.of("province", "province_zh", "province_en", "category", "on_hand",
                        "received", "issued", "transferred_out", "transferred_in", "written_off", "adjusted"),
                        stock.stream().map(r -> Rows.of(r.place().code(), r.place().nameZh(), r.place().nameEn(),
                                r.categoryCode(), r.onHand(), r.received(), r.issued(), r.transferredOut(),
                                r.transferredIn(), r.writtenOff(), r.adjusted())).toList()),
                new Table("in-transit", List.of("province", "province_zh", "province_en", "item", "quantity",
                        "transfers"), inTransit.stream().map(r -> Rows.of(r.to().code(), r.to().nameZh(),
                                r.to().nameEn(), r.itemCode(), r.quantity(), r.transfers())).toList()),
                new Table("batches", List.of("number", "title", "province", "destination_sequence", "approved_at",
                        "dispatched_at", "quantity"), batches.stream().map(b -> Rows.of(b.number(), b.title(),
                                b.provinceCode(), b.destinationSequence(), b.approvedAt(), b.dispatchedAt(),
                                b.quantity())).toList()),
                DonationReport.table(donations));
    }
}
