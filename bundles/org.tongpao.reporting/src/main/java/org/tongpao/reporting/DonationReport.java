package org.tongpao.reporting;

import java.time.Instant;
import java.util.List;

/**
 * Donations received, accepted and passed on (1.1), by the donation's province (the ministry's own desk is the
 * central row) × item category: {@code pledged}, {@code received} = {@code accepted} + {@code rejected},
 * {@code passedOn} (what left the receiving depot's donated lots onward, issued or transferred) and
 * {@code delivered} (what units received for use from those lots or lots split off them). {@code donation}
 * says whether the donation capability is installed; absent, there are no rows (never zeros).
 *
 * @since 1.1
 */
public record DonationReport(String scope, Instant generatedAt, Capability donation, List<DonationRow> rows)
        implements Tabular {

    /** {@code categoryCode} null: pledged goods described but not matched to a catalogue item yet. */
    public record DonationRow(ReportPlace place, String categoryCode, long pledged, long received, long accepted,
            long rejected, long passedOn, long delivered) {
    }

    /** The table both this report and the daily report export. */
    static Table table(List<DonationRow> rows) {
        return new Table("donations", List.of("province", "province_zh", "province_en", "category", "pledged",
                "received", "accepted", "rejected", "passed_on", "delivered"), rows.stream().map(r -> Rows.of(
                        r.place().code(), r.place().nameZh(), r.place().nameEn(), r.categoryCode(), r.pledged(),
                        r.received(), r.accepted(), r.rejected(), r.passedOn(), r.delivered())).toList());
    }

    @Override
    public List<Table> tables() {
        return List.of(table(rows));
    }
}
