package org.tongpao.reporting.internal;

import java.time.Instant;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.reporting.DonationReport;
import org.tongpao.reporting.internal.sources.DonationSource;

/** The donation source's figures as report rows: places named, and only those the caller may see. */
final class DonationRows {

    private DonationRows() {
    }

    static List<DonationReport.DonationRow> of(DonationSource source, Directory dir, Caller caller, Instant from,
            Instant to) {
        if (source == null) {
            return List.of();
        }
        return source.figures(caller, from, to).stream()
                .map(f -> new DonationReport.DonationRow(dir.place(f.provinceCode()), f.categoryCode(), f.pledged(),
                        f.received(), f.accepted(), f.rejected(), f.passedOn(), f.delivered()))
                .filter(r -> Directory.visible(caller, r.place())).toList();
    }
}
