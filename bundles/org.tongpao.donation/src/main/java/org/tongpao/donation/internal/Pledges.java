package org.tongpao.donation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Item;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationStatus;
import org.tongpao.donation.DonationTopics;
import org.tongpao.donation.Donor;
import org.tongpao.donation.DonorDesignation;
import org.tongpao.donation.NewPledge;
import org.tongpao.donation.NewPledgeLine;

/** Pledges: making one, reading donations, cancelling what is outstanding. */
final class Pledges {
    static final String ENTITY = "donation";

    private final DonationContext ctx;

    Pledges(DonationContext ctx) {
        this.ctx = ctx;
    }

    Donation pledge(Caller caller, NewPledge p, String key) {
        DonationScope.requireWriter(caller);
        Checks.body(p);
        long donorId = Checks.required("donorId", p.donorId());
        String province = ctx.province("provinceCode", DonationScope.provinceOf(caller, p.provinceCode()));
        if (p.expectedDate() != null && p.expectedDate().isBefore(ctx.today().minusDays(1))) {
            throw new ValidationException("expectedDate", "expectedDate lies in the past");
        }
        String note = Checks.optionalText("note", p.note(), 500);
        List<Line> lines = lines(p.lines());
        DonorDesignation designation = designation(p.designation());
        Ref ref = ctx.write(caller, key, "donation.pledge", p, c -> {
            Donor donor = donor(c, caller, donorId);
            long id = create(c, caller, donor, province, true, DonationStatus.PLEDGED, p.expectedDate(), designation,
                    note);
            int no = 0;
            for (Line l : lines) {
                DonationDao.insertLine(c, id, ++no, l.item == null ? null : l.item.id(),
                        l.item == null ? null : l.item.code(), l.description, l.quantity);
            }
            ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "pledge", null, audited(c, id));
            ctx.event(c, caller, DonationTopics.PLEDGED, Map.of("id", id, "provinceCode", province == null ? ""
                    : province, "donorId", donor.id()));
            return new Ref(ENTITY, String.valueOf(id));
        });
        return get(caller, Long.parseLong(ref.id()));
    }

    private record Line(Item item, String description, long quantity) {
    }

    private List<Line> lines(List<NewPledgeLine> given) {
        if (given == null || given.isEmpty() || given.size() > 200) {
            throw new ValidationException("lines", "a pledge has 1 to 200 lines");
        }
        List<Line> out = new ArrayList<>();
        Set<Long> items = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            NewPledgeLine l = given.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                throw new ValidationException("lines[" + i + "]", "a line is an object");
            }
            long q = Checks.positive(at + "quantity", l.quantity());
            String description = Checks.optionalText(at + "description", l.description(), 300);
            if (l.itemId() == null && description == null) {
                throw new ValidationException(at + "itemId", "a line names a catalogue item or describes the goods");
            }
            Item item = l.itemId() == null ? null : ctx.item(at + "itemId", l.itemId());
            if (item != null && !items.add(item.id())) {
                throw new ValidationException(at + "itemId", "item " + item.code() + " is listed twice");
            }
            out.add(new Line(item, description, q));
        }
        return out;
    }

    DonorDesignation designation(DonorDesignation given) {
        Caller platform = Caller.system("donation");
        return Designations.complete(given, ctx.provinces::find, id -> {
            try {
                return Optional.of(ctx.units.get(platform, id));
            } catch (org.tongpao.core.NotFoundException e) {
                return Optional.<OrgUnit>empty();
            }
        });
    }

    /** A donor named in the body: another province's is the same 404 as a missing one. */
    static Donor donor(Connection c, Caller caller, long donorId) throws SQLException {
        Donor d = ScopeRules.visibleField(DonorDao.find(c, donorId, false),
                x -> DonationScope.canReadDonor(caller, x.provinceCode()), "donorId", donorId);
        if (d.erasedAt() != null) {
            throw new ConflictException("donorId", "Donor " + donorId + " was erased; register the donor again");
        }
        DonationReplicas.requireOwnDonor(c, donorId);
        return d;
    }

    /** Inserts the donation head with its number (from the counter) and a fresh donor code. */
    long create(Connection c, Caller caller, Donor donor, String province, boolean pledged, DonationStatus status,
            java.time.LocalDate expected, DonorDesignation d, String note) throws SQLException {
        String number = Counters.donationNumber(Counters.next(c, Counters.DONATION));
        return DonationDao.insert(c, number, donor.id(), ctx.codes.next(), province, pledged, status, expected, d,
                note, caller.user(), ctx.now());
    }

    Donation get(Caller caller, long id) {
        DonationScope.requireReader(caller);
        return Transactions.read(ctx.ds, c -> {
            DonationDao.Row r = visible(c, caller, id);
            return assemble(r, DonationDao.lines(c, id), caller);
        });
    }

    /** The donation row, 404 unless the caller may read it. */
    static DonationDao.Row visible(Connection c, Caller caller, long id) throws SQLException {
        return ScopeRules.visible(DonationDao.find(c, id), r -> DonationScope.canReadDonation(caller, r.provinceCode()),
                ENTITY, id);
    }

    Page<Donation> list(Caller caller, DonationFilter filter, int limit, String cursor) {
        DonationScope.requireReader(caller);
        long after = Paging.after(cursor);
        return Transactions.read(ctx.ds, c -> {
            Page<DonationDao.Row> page = Paging.page(DonationDao.page(c, DonationScope.seesEverything(caller),
                    caller.provinceCode(), filter, after, limit), limit, DonationDao.Row::id);
            var lines = DonationDao.lines(c, page.items());
            List<Donation> out = new ArrayList<>();
            for (DonationDao.Row r : page.items()) {
                out.add(assemble(r, lines.getOrDefault(r.id(), List.of()), caller));
            }
            return new Page<>(out, page.nextCursor());
        });
    }

    Donation cancel(Caller caller, long id, String reason, String key) {
        DonationScope.requireWriter(caller);
        String why = Checks.text("reason", reason, 500);
        ctx.write(caller, key, "donation.cancel:" + id, Map.of("reason", why), c -> {
            DonationDao.Row r = lockWritable(c, caller, id);
            if (!r.status().canMoveTo(DonationStatus.CANCELLED)) {
                throw new ConflictException("status", "Donation " + r.number() + " is " + r.status()
                        + "; only a PLEDGED or PARTLY_RECEIVED donation is cancelled");
            }
            Donation before = audited(c, id);
            DonationDao.status(c, id, DonationStatus.CANCELLED, why, ctx.now());
            ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "cancel", before, audited(c, id));
            ctx.event(c, caller, DonationTopics.CANCELLED, Map.of("id", id, "number", r.number(), "provinceCode",
                    r.provinceCode() == null ? "" : r.provinceCode()));
            return new Ref(ENTITY, String.valueOf(id));
        });
        return get(caller, id);
    }

    /**
     * A new donor code for a donation whose printed code was lost (or leaked): the former code stops working at once;
     * the new one is printed on the next acknowledgement the desk prints. Audited with the reason, never the code.
     */
    Donation reissueCode(Caller caller, long id, String reason, String key) {
        DonationScope.requireWriter(caller);
        String why = Checks.text("reason", reason, 500);
        ctx.write(caller, key, "donation.reissue-code:" + id, Map.of("reason", why), c -> {
            DonationDao.Row r = lockWritable(c, caller, id);
            DonationDao.reissueCode(c, id, ctx.codes.next());
            ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "donor-code-reissued", null,
                    Map.of("reason", why));
            return new Ref(ENTITY, String.valueOf(id));
        });
        return get(caller, id);
    }

    /** The donation locked for a change, if the caller may read it (404) and this node's desk may change it (409/403). */
    static DonationDao.Row lockWritable(Connection c, Caller caller, long id) throws SQLException {
        DonationDao.Row r = ScopeRules.visible(DonationDao.lock(c, id),
                x -> DonationScope.canReadDonation(caller, x.provinceCode()), ENTITY, id);
        requireWrite(caller, r);
        return r;
    }

    private static void requireWrite(Caller caller, DonationDao.Row r) {
        if (r.sourceNode() != null) {
            throw new ConflictException("id", "Donation " + r.number() + " is kept by node " + r.sourceNode()
                    + ": record it there (this is its read-only copy)");
        }
        if (!DonationScope.canWrite(caller, r.provinceCode())) {
            throw new AccessDeniedException("Only the donation's desk changes it");
        }
    }

    /**
     * The donation as the audit row keeps it: the donor by id only (a private donor's name is personal data, and an
     * erasure must leave no copy of it), never the donor code.
     */
    Donation audited(Connection c, long id) throws SQLException {
        DonationDao.Row r = DonationDao.find(c, id).orElseThrow();
        Donation d = DonationDao.assemble(r, DonationDao.lines(c, id), false,
                Designations.labelled(r.designation(), ctx.provinces::find));
        return new Donation(d.id(), d.number(), d.donorId(), "donor " + d.donorId(), d.donorKind(), d.provinceCode(),
                d.pledged(), d.status(), d.expectedDate(), d.designation(), d.note(), d.cancelReason(), null,
                d.lines(), d.createdBy(), d.createdAt(), d.updatedAt(), d.source(), d.asOf());
    }

    Donation assemble(DonationDao.Row r, List<org.tongpao.donation.DonationLine> lines, Caller caller) {
        return DonationDao.assemble(r, lines, DonationScope.isOfficer(caller) || caller.isMinistry(),
                Designations.labelled(r.designation(), ctx.provinces::find));
    }
}
