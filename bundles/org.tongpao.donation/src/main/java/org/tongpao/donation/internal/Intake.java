package org.tongpao.donation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.DonationLine;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationStatus;
import org.tongpao.donation.DonationTopics;
import org.tongpao.donation.Donor;
import org.tongpao.donation.DonorDesignation;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;

/**
 * Goods received, in one transaction: each line's inspection, the accepted goods put into inventory as lots whose
 * origin is the donation line (through the inventory's public {@code StockLedger}, joined to this transaction), the
 * donation's lines and status, the acknowledgement number (only when something was accepted), the audit row and
 * the events. Any refusal on the way rolls back all of it.
 */
final class Intake {
    static final String ENTITY = "donation-receipt";

    private final DonationContext ctx;
    private final Pledges pledges;

    Intake(DonationContext ctx, Pledges pledges) {
        this.ctx = ctx;
        this.pledges = pledges;
    }

    /** What the request checks yield before the transaction. */
    private record Checked(Depot depot, LocalDate receivedOn, String deliveryNote, String note,
            List<Inspection.Checked> lines) {
    }

    DonationReceipt receive(Caller caller, long donationId, NewDonationReceipt r, String key) {
        DonationScope.requireWriter(caller);
        Checks.body(r);
        if (r.donorId() != null) {
            throw new ValidationException("donorId", "a receipt against a pledge takes the pledge's donor");
        }
        if (r.designation() != null) {
            throw new ValidationException("designation", "a receipt against a pledge takes the pledge's designation");
        }
        Checked k = check(caller, r, true);
        Ref ref = ctx.write(caller, key, "donation.receive:" + donationId, r, c -> {
            DonationDao.Row d = Pledges.lockWritable(c, caller, donationId);
            if (!d.status().receivable()) {
                throw new ConflictException("status", "Donation " + d.number() + " is " + d.status()
                        + "; goods are received against PLEDGED or PARTLY_RECEIVED donations");
            }
            return book(c, caller, d, k);
        });
        return get(caller, Long.parseLong(ref.id()));
    }

    DonationReceipt receiveUnpledged(Caller caller, NewDonationReceipt r, String key) {
        DonationScope.requireWriter(caller);
        Checks.body(r);
        long donorId = Checks.required("donorId", r.donorId());
        Checked k = check(caller, r, false);
        DonorDesignation designation = pledges.designation(r.designation());
        String province = DonationScope.provinceOf(caller, k.depot().provinceCode());
        Ref ref = ctx.write(caller, key, "donation.receive-unpledged", r, c -> {
            Donor donor = Pledges.donor(c, caller, donorId);
            long id = pledges.create(c, caller, donor, province, false, DonationStatus.RECEIVED, null, designation,
                    k.note());
            ctx.event(c, caller, DonationTopics.PLEDGED, Map.of("id", id, "provinceCode", province == null ? ""
                    : province, "donorId", donor.id(), "pledged", false));
            return book(c, caller, DonationDao.find(c, id).orElseThrow(), k);
        });
        return get(caller, Long.parseLong(ref.id()));
    }

    private Checked check(Caller caller, NewDonationReceipt r, boolean pledged) {
        long depotId = Checks.required("depotId", r.depotId());
        Depot depot = ScopeRules.namedInBody("depotId", depotId, () -> ctx.depots.get(Caller.system(
                caller.requestId()), depotId));
        String own = DonationScope.writerProvince(caller);
        ScopeRules.requireVisibleField(depot.active() && (own == null || own.equals(depot.provinceCode())),
                "depotId", depotId);
        LocalDate receivedOn = r.receivedOn() == null ? ctx.today() : r.receivedOn();
        if (receivedOn.isAfter(ctx.today())) {
            throw new ValidationException("receivedOn", "receivedOn cannot be in the future");
        }
        if (r.lines() == null || r.lines().isEmpty() || r.lines().size() > 200) {
            throw new ValidationException("lines", "a receipt has 1 to 200 lines");
        }
        List<Inspection.Checked> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            String at = "lines[" + i + "].";
            Inspection.Checked l = Inspection.check(at, r.lines().get(i), receivedOn);
            if (!pledged && l.given().donationLineId() != null) {
                throw new ValidationException(at + "donationLineId", "unpledged goods have no pledged line");
            }
            if (l.given().donationLineId() == null) {
                Checks.required(at + "itemId", l.given().itemId());
            }
            lines.add(l);
        }
        return new Checked(depot, receivedOn, Checks.optionalText("deliveryNote", r.deliveryNote(), 100),
                Checks.optionalText("note", r.note(), 500), lines);
    }

    /** Books the checked delivery on the locked donation {@code d}. */
    private Ref book(Connection c, Caller caller, DonationDao.Row d, Checked k) throws SQLException {
        DonorDesignation designation = Designations.labelled(d.designation(), ctx.provinces::find);
        Designations.requireReceivable(designation, k.depot().code(), k.depot().provinceCode());
        List<DonationLine> existing = DonationDao.lines(c, d.id());
        int lineCount = existing.size();
        Set<Long> seen = new HashSet<>();
        List<Booked> booked = new ArrayList<>();
        for (int i = 0; i < k.lines().size(); i++) {
            String at = "lines[" + i + "].";
            Inspection.Checked l = k.lines().get(i);
            NewReceiptLine g = l.given();
            DonationLine line;
            Item item;
            if (g.donationLineId() != null) {
                line = existing.stream().filter(x -> x.id() == g.donationLineId()).findFirst().orElseThrow(() ->
                        new ValidationException(at + "donationLineId", "donation " + d.number() + " has no line "
                                + g.donationLineId()));
                if (line.itemId() == null) {
                    item = ctx.item(at + "itemId", Checks.required(at + "itemId", g.itemId()));
                    DonationDao.matchLine(c, line.id(), item.id(), item.code());
                } else if (g.itemId() != null && !g.itemId().equals(line.itemId())) {
                    throw new ValidationException(at + "itemId", "line " + line.lineNo() + " is item "
                            + line.itemCode());
                } else {
                    item = ctx.item(at + "donationLineId", line.itemId());
                }
            } else {
                item = ctx.item(at + "itemId", g.itemId());
                DonationLine same = existing.stream().filter(x -> x.itemId() != null && x.itemId() == item.id())
                        .findFirst().orElse(null);
                if (same != null) {
                    line = same;
                } else {
                    long id = DonationDao.insertLine(c, d.id(), ++lineCount, item.id(), item.code(), null, 0);
                    line = new DonationLine(id, lineCount, item.id(), item.code(), null, 0, 0, 0);
                    existing = new ArrayList<>(existing);
                    existing.add(line);
                }
            }
            if (!seen.add(line.id())) {
                throw new ValidationException(at + "donationLineId", "line " + line.lineNo() + " is listed twice");
            }
            if (l.accepted() > 0 && item.shelfLifeMonths() != null && g.expiryDate() == null) {
                throw new ValidationException(at + "expiryDate", item.code() + " has a shelf life: give the expiry "
                        + "date of the accepted goods");
            }
            booked.add(new Booked(line, item, l));
        }
        boolean accepted = booked.stream().anyMatch(b -> b.inspection.accepted() > 0);
        String ack = accepted ? Counters.acknowledgementNumber(Counters.next(c, Counters.ACKNOWLEDGEMENT)) : null;
        long receiptId = ReceiptDao.insert(c, d.id(), k.depot().id(), k.depot().code(), k.depot().provinceCode(),
                k.receivedOn(), k.deliveryNote(), k.note(), ack, caller.user(), ctx.now());
        for (Booked b : booked) {
            Long lotId = b.inspection.accepted() > 0 ? intoStock(caller, d, k, b).id() : null;
            ReceiptDao.insertLine(c, receiptId, b.line.id(), b.item.id(), b.item.code(), b.inspection, lotId);
            DonationDao.addReceived(c, b.line.id(), b.inspection.accepted(), b.inspection.rejected());
        }
        DonationStatus before = d.status();
        DonationStatus after = d.pledged() ? statusAfter(DonationDao.lines(c, d.id())) : DonationStatus.RECEIVED;
        if (after != before) {
            DonationDao.status(c, d.id(), after, null, ctx.now());
        }
        ctx.audit.record(c, caller, ENTITY, String.valueOf(receiptId), "receive", null,
                ReceiptDao.one(c, receiptId, d.number(), after));
        Map<String, Object> props = Map.of("id", receiptId, "donationId", d.id(), "number", d.number(),
                "provinceCode", d.provinceCode() == null ? "" : d.provinceCode(), "acknowledgementNumber",
                ack == null ? "" : ack);
        ctx.event(c, caller, DonationTopics.RECEIPT_RECORDED, props);
        if (after != before && d.pledged()) {
            ctx.event(c, caller, after == DonationStatus.RECEIVED ? DonationTopics.RECEIVED
                    : DonationTopics.PARTLY_RECEIVED, Map.of("id", d.id(), "number", d.number(), "provinceCode",
                    d.provinceCode() == null ? "" : d.provinceCode()));
        }
        return new Ref(ENTITY, String.valueOf(receiptId));
    }

    private record Booked(DonationLine line, Item item, Inspection.Checked inspection) {
    }

    /**
     * The pledge's status once a delivery is booked: RECEIVED when every pledged line has arrived in full
     * (accepted or rejected: a rejected carton was delivered, the donor is not asked for it again), else
     * PARTLY_RECEIVED.
     */
    static DonationStatus statusAfter(List<DonationLine> lines) {
        boolean complete = lines.stream().allMatch(l -> l.acceptedQuantity() + l.rejectedQuantity()
                >= l.pledgedQuantity());
        return complete ? DonationStatus.RECEIVED : DonationStatus.PARTLY_RECEIVED;
    }

    /**
     * The accepted goods as a lot of the receiving depot, origin DONATION, source document the donation line. The
     * platform books it for the officer (donation officers hold no depot role; this class checked the depot against
     * the officer's province): the lot's posting and the inventory's audit row name the officer, role
     * {@code vouched:donation}.
     */
    private Lot intoStock(Caller caller, DonationDao.Row d, Checked k, Booked b) {
        NewReceipt lot = NewReceipt.builder().depotId(k.depot().id()).itemId(b.item.id())
                .quantity(b.inspection.accepted()).origin(LotOrigin.DONATION)
                .sourceDocument(d.number() + "/" + b.line.lineNo())
                .expiryDate(b.item.shelfLifeMonths() == null ? null : b.inspection.given().expiryDate())
                .note(note(b.inspection))
                .designation(Designations.forInventory(Designations.labelled(d.designation(), ctx.provinces::find),
                        ctx.provinces::find))
                .build();
        // no key of its own: this receipt's key guards the whole transaction the inventory joins
        return ctx.stock.receive(Caller.vouchedFor(caller, "donation"), lot, null);
    }

    private static String note(Inspection.Checked i) {
        String s = "donation, priority " + i.priority()
                + (i.certificateNumber() == null ? "" : ", certificate " + i.certificateNumber())
                + (i.standard() == null ? "" : ", standard " + i.standard());
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    DonationReceipt get(Caller caller, long receiptId) {
        DonationScope.requireReader(caller);
        return Transactions.read(ctx.ds, c -> {
            ReceiptDao.Head h = ReceiptDao.head(c, receiptId).orElseThrow(() ->
                    new org.tongpao.core.NotFoundException(ENTITY, receiptId));
            DonationDao.Row d = DonationDao.find(c, h.donationId()).orElseThrow();
            ScopeRules.requireVisible(DonationScope.canReadDonation(caller, d.provinceCode()), ENTITY, receiptId);
            return ReceiptDao.one(c, receiptId, d.number(), d.status());
        });
    }

    List<DonationReceipt> list(Caller caller, long donationId) {
        DonationScope.requireReader(caller);
        return Transactions.read(ctx.ds, c -> {
            DonationDao.Row d = Pledges.visible(c, caller, donationId);
            return ReceiptDao.forDonation(c, donationId, d.number(), d.status());
        });
    }
}
