package org.tongpao.donation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.DonationSummary;
import org.tongpao.inventory.LotOnward;

/**
 * Donations by province × category for reports: pledged and received from this bundle's own rows, passed on and
 * delivered from what went onward from the accepted lots ({@code StockLedger.onward}, one grouped read for all of
 * them, where it used to read each lot's trace), all within a period.
 */
final class Summaries {
    private final DonationContext ctx;
    private final Onward onward;
    private final Map<Long, String> categories = new HashMap<>();

    /** How the summary learns what went onward from the donated lots in a period. */
    @FunctionalInterface
    interface Onward {
        List<LotOnward> read(Caller caller, List<Long> lotIds, Instant from, Instant to);
    }

    Summaries(DonationContext ctx) {
        this(ctx, ctx.stock::onward);
    }

    /** For tests: the summary over another reading of the lots' onward movements (the former trace per lot). */
    Summaries(DonationContext ctx, Onward onward) {
        this.ctx = ctx;
        this.onward = onward;
    }

    /** A lot booked by a receipt line, with the donation's province and the line's item. */
    private record LotOfDonation(String province, long itemId, long lotId) {
    }

    List<DonationSummary> summary(Caller caller, Instant from, Instant to) {
        DonationScope.requireReader(caller);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new org.tongpao.core.ValidationException("from", "from must be before to");
        }
        boolean all = DonationScope.seesEverything(caller);
        String own = caller.provinceCode();
        Instant lo = from == null ? Instant.EPOCH : from;
        Instant hi = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to;
        // key: province | category (either may be null) → pledged, received, accepted, rejected, passedOn, delivered
        Map<List<String>, long[]> sums = new TreeMap<>(Summaries::compareKeys);
        List<LotOfDonation> lots = new ArrayList<>();
        Transactions.read(ctx.ds, c -> {
            String scope = all ? "" : " AND d.province_code = ?";
            List<Object> window = all ? Jdbc.args(lo, hi) : Jdbc.args(lo, hi, own);
            for (Object[] r : Jdbc.query(c, "SELECT d.province_code, l.item_id, SUM(l.pledged_quantity) FROM tp_don_line l "
                    + "JOIN tp_don_donation d ON d.id = l.donation_id WHERE d.pledged = ? AND d.status <> 'CANCELLED' "
                    + "AND d.created_at >= ? AND d.created_at < ?" + scope + " GROUP BY d.province_code, l.item_id",
                    prepend(true, window), rs -> new Object[] {rs.getString(1), nullableLong(rs, 2), rs.getLong(3)})) {
                add(sums, (String) r[0], (Long) r[1], 0, (Long) r[2]);
            }
            for (Object[] r : Jdbc.query(c, "SELECT d.province_code, rl.item_id, SUM(rl.accepted_quantity), "
                    + "SUM(rl.rejected_quantity) FROM tp_don_receipt_line rl JOIN tp_don_receipt r ON r.id = "
                    + "rl.receipt_id JOIN tp_don_donation d ON d.id = r.donation_id WHERE r.received_at >= ? "
                    + "AND r.received_at < ?" + scope + " GROUP BY d.province_code, rl.item_id", window,
                    rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})) {
                long accepted = (Long) r[2];
                long rejected = (Long) r[3];
                add(sums, (String) r[0], (Long) r[1], 1, accepted + rejected);
                add(sums, (String) r[0], (Long) r[1], 2, accepted);
                add(sums, (String) r[0], (Long) r[1], 3, rejected);
            }
            // every accepted lot in scope, whenever it was received: goods received before the period may move in it
            lots.addAll(Jdbc.query(c, "SELECT d.province_code, rl.item_id, rl.lot_id FROM tp_don_receipt_line rl "
                    + "JOIN tp_don_receipt r ON r.id = rl.receipt_id JOIN tp_don_donation d ON d.id = r.donation_id "
                    + "WHERE rl.lot_id IS NOT NULL" + scope + " ORDER BY rl.lot_id", all ? List.of() : List.of(own),
                    rs -> new LotOfDonation(rs.getString(1), rs.getLong(2), rs.getLong(3))));
            return null;
        });
        // what went onward from those lots in the period: one grouped read for all of them (StockLedger.onward)
        Map<Long, LotOnward> onward = new HashMap<>();
        Caller platform = Caller.system(caller.requestId());
        for (LotOnward o : this.onward.read(platform, lots.stream().map(LotOfDonation::lotId).toList(), lo, hi)) {
            onward.put(o.lotId(), o);
        }
        for (LotOfDonation l : lots) {
            LotOnward o = onward.getOrDefault(l.lotId(), new LotOnward(l.lotId(), 0, 0));
            add(sums, l.province(), l.itemId(), 4, o.passedOn());
            add(sums, l.province(), l.itemId(), 5, o.delivered());
        }
        List<DonationSummary> out = new ArrayList<>();
        sums.forEach((k, v) -> {
            if (Arrays.stream(v).anyMatch(x -> x != 0)) {
                out.add(new DonationSummary(k.get(0), k.get(1), v[0], v[1], v[2], v[3], v[4], v[5]));
            }
        });
        return out;
    }

    private void add(Map<List<String>, long[]> sums, String province, Long itemId, int column, long quantity) {
        String category = itemId == null ? null : categories.computeIfAbsent(itemId,
                id -> ctx.catalogue.get(Caller.system("donation-report"), id).categoryCode());
        sums.computeIfAbsent(Arrays.asList(province, category), k -> new long[6])[column] += quantity;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int p = Objects.compare(a.get(0), b.get(0), nullsFirst());
        return p != 0 ? p : Objects.compare(a.get(1), b.get(1), nullsFirst());
    }

    private static java.util.Comparator<String> nullsFirst() {
        return java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    }

    private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
