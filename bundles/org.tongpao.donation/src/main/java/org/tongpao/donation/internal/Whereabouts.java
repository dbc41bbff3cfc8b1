package org.tongpao.donation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Province;
import org.tongpao.donation.PublicDestination;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotTrace;

/**
 * Where traced goods are, summed by unit level, front line and province (never a unit's or a person's name): what
 * org units received for use (DELIVERED) and what is still in depots (IN_STOCK, by the level of the depot's unit).
 * One instance per answer: it remembers the depots, units and items it looked up.
 */
final class Whereabouts {
    private final DonationContext ctx;
    private final Caller platform;
    private final Map<Long, OrgUnit> depotUnits = new HashMap<>();
    private final Map<Long, String> itemCodes = new HashMap<>();

    Whereabouts(DonationContext ctx) {
        this.ctx = ctx;
        this.platform = Caller.system("donation-public");
    }

    List<PublicDestination> of(List<LotTrace> traces) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, PublicDestination> shapes = new HashMap<>();
        add(sums, shapes, traces);
        return result(sums, shapes);
    }

    /**
     * Where the goods of these lots are, read a page of each lot's trace at a time (pages add up: each page holds
     * other lots' movements), so a lot split into many thousand lots is summed without holding its whole trace.
     */
    List<PublicDestination> ofLots(List<Long> lotIds) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, PublicDestination> shapes = new HashMap<>();
        for (long lotId : lotIds) {
            String cursor = null;
            do {
                LotTrace page = ctx.stock.trace(platform, lotId, 500, cursor);
                add(sums, shapes, List.of(page));
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return result(sums, shapes);
    }

    private void add(Map<String, long[]> sums, Map<String, PublicDestination> shapes, List<LotTrace> traces) {
        for (LotTrace t : traces) {
            for (LotTrace.Receiver r : t.receivers()) {
                add(sums, shapes, new PublicDestination("DELIVERED", r.level().name(), r.frontLine(), r.provinceCode(),
                        provinceName(r.provinceCode()), itemCode(r.itemId()), 0), r.quantity());
            }
            for (Lot l : t.lots()) {
                if (l.onHand() > 0) {
                    OrgUnit u = depotUnit(l.depotId());
                    add(sums, shapes, new PublicDestination("IN_STOCK", u.level().name(), u.frontLine(),
                            u.provinceCode(), provinceName(u.provinceCode()), itemCode(l.itemId()), 0), l.onHand());
                }
            }
        }
    }

    private static List<PublicDestination> result(Map<String, long[]> sums, Map<String, PublicDestination> shapes) {
        List<PublicDestination> out = new ArrayList<>();
        sums.forEach((key, q) -> {
            PublicDestination d = shapes.get(key);
            out.add(new PublicDestination(d.kind(), d.level(), d.frontLine(), d.provinceCode(), d.provinceName(),
                    d.itemCode(), q[0]));
        });
        return out;
    }

    private static void add(Map<String, long[]> sums, Map<String, PublicDestination> shapes, PublicDestination d,
            long quantity) {
        String key = d.kind() + "|" + d.provinceCode() + "|" + d.level() + "|" + d.frontLine() + "|" + d.itemCode();
        shapes.putIfAbsent(key, d);
        sums.computeIfAbsent(key, k -> new long[1])[0] += quantity;
    }

    private OrgUnit depotUnit(long depotId) {
        return depotUnits.computeIfAbsent(depotId, id -> {
            Depot d = ctx.depots.get(platform, id);
            return ctx.units.get(platform, d.orgUnitId());
        });
    }

    String itemCode(long itemId) {
        return itemCodes.computeIfAbsent(itemId, id -> ctx.catalogue.get(platform, id).code());
    }

    private String provinceName(String code) {
        return code == null ? "中央 Ministry" : ctx.provinces.find(code).map(p -> p.nameZh() + " " + p.nameEn())
                .orElse(code);
    }

    static String provinceLabel(Province p) {
        return p.nameZh() + " " + p.nameEn();
    }
}
