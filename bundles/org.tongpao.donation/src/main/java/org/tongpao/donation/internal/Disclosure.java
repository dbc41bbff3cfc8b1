package org.tongpao.donation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tongpao.core.Caller;
import org.tongpao.core.Item;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.documents.Sheet;
import org.tongpao.donation.Acknowledgement;
import org.tongpao.donation.DisclosureEntry;
import org.tongpao.donation.DonationLine;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationTrace;
import org.tongpao.donation.DonorDesignation;
import org.tongpao.donation.PublicDonation;
import org.tongpao.donation.PublicItem;
import org.tongpao.donation.TracedLot;
import org.tongpao.inventory.LotTrace;

/**
 * What leaves the intake desk: the acknowledgement PDF, the donation's trace, and the two public answers (the donor
 * code's look-up and the disclosure list). The public answers are built from records that hold no personal data
 * (items, quantities, unit levels, provinces, the donor's name or its anonymous label), never from a donor row's
 * contact columns.
 */
final class Disclosure {
    private final DonationContext ctx;

    Disclosure(DonationContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The acknowledgement PDF. The donor code is printed once: the first print by a writer of the donation takes the
     * code waiting since the pledge (or since a reissue); every later print says when it was issued and carries no
     * code and no QR code. Readers who may not write the donation never take the code.
     */
    Acknowledgement acknowledgement(Caller caller, long receiptId, String publicBaseUrl) {
        DonationScope.requireReader(caller);
        record Data(DonationReceipt receipt, DonationDao.Row donation, String donorName, String code) {
        }
        Data data = Transactions.write(ctx.ds, "donation.acknowledgement", c -> {
            ReceiptDao.Head h = ReceiptDao.head(c, receiptId).orElseThrow(() ->
                    new NotFoundException(Intake.ENTITY, receiptId));
            DonationDao.Row d = DonationDao.find(c, h.donationId()).orElseThrow();
            ScopeRules.requireVisible(DonationScope.canReadDonation(caller, d.provinceCode()), Intake.ENTITY,
                    receiptId);
            DonationReceipt r = ReceiptDao.one(c, receiptId, d.number(), d.status());
            if (r.acknowledgementNumber() == null) {
                throw new org.tongpao.core.ConflictException("acknowledgementNumber", "Nothing was accepted on "
                        + "receipt " + receiptId + ": it has no acknowledgement");
            }
            boolean writer = DonationScope.isWriter(caller) && DonationScope.canWrite(caller, d.provinceCode());
            String code = writer ? DonationDao.takePendingCode(c, d.id(), ctx.now()).orElse(null) : null;
            if (code != null) {
                // who printed the code, never the code itself
                ctx.audit.record(c, caller, Pledges.ENTITY, String.valueOf(d.id()), "donor-code-printed", null,
                        java.util.Map.of("acknowledgementNumber", r.acknowledgementNumber()));
            }
            return new Data(r, code == null ? d : DonationDao.find(c, d.id()).orElseThrow(), d.donorName(), code);
        });
        DonationReceipt r = data.receipt();
        Caller platform = Caller.system(caller.requestId());
        String depot = r.depotCode() + " " + ctx.depots.get(platform, r.depotId()).name();
        DonorDesignation designation = Designations.labelled(data.donation().designation(), ctx.provinces::find);
        String url = publicBaseUrl == null || data.code() == null ? null
                : publicBaseUrl.replaceAll("/+$", "") + "/public/donations/" + data.code();
        String printedCode = data.code() != null ? data.code() : AcknowledgementSheet.codeIssued(
                data.donation().codeShownAt());
        Sheet sheet = AcknowledgementSheet.sheet(r, data.donorName(), Designations.label(designation), depot,
                printedCode, url, id -> {
                    Item i = ctx.catalogue.get(platform, id);
                    return i.code() + " " + i.nameZh();
                }, ctx.now());
        return new Acknowledgement(r.acknowledgementNumber(), AcknowledgementSheet.fileName(r),
                ctx.documents.pdf(sheet), data.code());
    }

    /**
     * A page of the donation's trace: its lots in receipt order, each with a page of the inventory's trace, at most
     * {@code limit} inventory lots in all; the cursor names the lot line and the inventory's cursor within it. The
     * first page carries {@code destinations} over every lot (read a page at a time); later pages carry none.
     */
    DonationTrace trace(Caller caller, long donationId, int limit, String cursor) {
        DonationScope.requireReader(caller);
        int n = Paging.limit(limit);
        TraceCursor at = TraceCursor.parse(cursor);
        record Data(DonationDao.Row donation, List<ReceiptDao.LotLine> lines) {
        }
        Data data = Transactions.read(ctx.ds, c -> new Data(Pledges.visible(c, caller, donationId),
                ReceiptDao.lotLines(c, donationId)));
        List<ReceiptDao.LotLine> lines = data.lines().stream().filter(l -> l.lotId() > 0).toList();
        // the reader of the donation follows its goods wherever they went: the platform reads the inventory
        Caller platform = Caller.system(caller.requestId());
        List<TracedLot> lots = new ArrayList<>();
        int remaining = n;
        int i = at.line();
        String inner = at.inner();
        String next = null;
        while (i < lines.size() && remaining > 0) {
            ReceiptDao.LotLine l = lines.get(i);
            LotTrace page = ctx.stock.trace(platform, l.lotId(), remaining, inner);
            lots.add(new TracedLot(l.receiptId(), l.ackNumber(), l.receivedOn(), l.itemId(), l.itemCode(),
                    l.accepted(), l.lotId(), page));
            remaining -= page.lots().size();
            if (page.nextCursor() != null) {
                next = new TraceCursor(i, page.nextCursor()).encode();
                break;
            }
            i++;
            inner = null;
        }
        if (next == null && i < lines.size()) {
            next = new TraceCursor(i, null).encode();
        }
        List<org.tongpao.donation.PublicDestination> destinations = cursor == null
                ? new Whereabouts(ctx).ofLots(lotIds(lines)) : List.of();
        return new DonationTrace(donationId, data.donation().number(), Designations.labelled(
                data.donation().designation(), ctx.provinces::find), lots, destinations, next);
    }

    /** Where a paged donation trace goes on: the lot line (index among the lots) and the inventory's cursor in it. */
    record TraceCursor(int line, String inner) {
        String encode() {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((line + ":" + (inner == null ? ""
                    : inner)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static TraceCursor parse(String cursor) {
            if (cursor == null) {
                return new TraceCursor(0, null);
            }
            try {
                String s = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = s.indexOf(':');
                int line = Integer.parseInt(s.substring(0, colon));
                if (line < 0) {
                    throw new IllegalArgumentException("negative");
                }
                String inner = s.substring(colon + 1);
                if (!inner.isEmpty()) {
                    Paging.after(inner); // the inventory's cursor, checked here so a bad one names this cursor
                }
                return new TraceCursor(line, inner.isEmpty() ? null : inner);
            } catch (IllegalArgumentException | IndexOutOfBoundsException
                    | org.tongpao.core.ValidationException e) {
                throw new org.tongpao.core.ValidationException("cursor", "cursor is not a nextCursor of this trace");
            }
        }
    }

    /** The whole trace: every lot with the inventory's whole trace (409 for a lot split into over 5,000 lots). */
    DonationTrace trace(Caller caller, long donationId) {
        DonationScope.requireReader(caller);
        record Data(DonationDao.Row donation, List<ReceiptDao.LotLine> lines) {
        }
        Data data = Transactions.read(ctx.ds, c -> new Data(Pledges.visible(c, caller, donationId),
                ReceiptDao.lotLines(c, donationId)));
        Caller platform = Caller.system(caller.requestId());
        List<TracedLot> lots = new ArrayList<>();
        for (ReceiptDao.LotLine l : data.lines()) {
            if (l.lotId() > 0) {
                lots.add(new TracedLot(l.receiptId(), l.ackNumber(), l.receivedOn(), l.itemId(), l.itemCode(),
                        l.accepted(), l.lotId(), ctx.stock.trace(platform, l.lotId())));
            }
        }
        return new DonationTrace(donationId, data.donation().number(), Designations.labelled(
                data.donation().designation(), ctx.provinces::find), lots,
                new Whereabouts(ctx).of(lots.stream().map(TracedLot::trace).toList()));
    }

    Page<org.tongpao.donation.UnitDonation> receivedBy(Caller caller, long orgUnitId, int limit, String cursor) {
        DonationScope.requireReader(caller);
        Caller platform = Caller.system(caller.requestId());
        org.tongpao.core.OrgUnit unit;
        try {
            unit = ctx.units.get(platform, orgUnitId);
        } catch (NotFoundException e) {
            unit = null; // answered below exactly like a unit of another province
        }
        ScopeRules.requireVisible(unit != null && DonationScope.canReadDonation(caller, unit.provinceCode()),
                "org unit", orgUnitId);
        Page<org.tongpao.inventory.Provenance> page = ctx.stock.receivedBy(platform, orgUnitId, limit, cursor);
        Whereabouts names = new Whereabouts(ctx);
        List<org.tongpao.donation.UnitDonation> out = new ArrayList<>();
        Transactions.read(ctx.ds, c -> {
            for (org.tongpao.inventory.Provenance p : page.items()) {
                String doc = p.sourceDocument();
                if (p.origin() != org.tongpao.inventory.LotOrigin.DONATION || doc == null || doc.indexOf('/') < 0) {
                    continue;
                }
                DonationDao.Row r = DonationDao.byNumber(c, doc.substring(0, doc.indexOf('/'))).orElse(null);
                if (r == null) {
                    continue; // a lot typed in by hand with origin DONATION, not one of this bundle's
                }
                out.add(new org.tongpao.donation.UnitDonation(p.movement().occurredAt(), p.movement().itemId(),
                        names.itemCode(p.movement().itemId()), Math.abs(p.movement().quantity()), r.number(),
                        r.donorAnonymous() ? DonorDao.ANONYMOUS : r.donorName(), r.donorKind(), designation(r)));
            }
            return null;
        });
        return new Page<>(out, page.nextCursor());
    }

    PublicDonation publicDonation(String donorCode) {
        String code = DonorCodes.normalise(donorCode);
        if (code == null) {
            throw new NotFoundException("No donation has this donor code");
        }
        Found f = Transactions.read(ctx.ds, c -> DonationDao.byCode(c, code).map(r -> found(c, r)).orElse(null));
        if (f == null) {
            throw new NotFoundException("No donation has this donor code");
        }
        return new PublicDonation(f.row.number(), f.row.status(), designation(f.row), first(f.lines),
                last(f.lines), items(f), new Whereabouts(ctx).ofLots(lotIds(f.lines)));
    }

    Page<DisclosureEntry> disclosure(int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : Paging.after(cursor);
        List<Found> rows = Transactions.read(ctx.ds, c -> {
            List<Found> out = new ArrayList<>();
            for (DonationDao.Row r : DonationDao.newestFirst(c, before, limit)) {
                out.add(found(c, r));
            }
            return out;
        });
        String next = rows.size() > limit ? Paging.cursor(rows.get(limit - 1).row.id()) : null;
        List<DisclosureEntry> entries = new ArrayList<>();
        Whereabouts where = new Whereabouts(ctx);
        for (Found f : rows.subList(0, Math.min(limit, rows.size()))) {
            DonationDao.Row r = f.row;
            entries.add(new DisclosureEntry(r.number(), r.donorAnonymous() ? DonorDao.ANONYMOUS
                    : r.donorName(), r.donorKind(), r.provinceCode(), r.status(), designation(r), last(f.lines),
                    items(f), where.ofLots(lotIds(f.lines))));
        }
        return new Page<>(entries, next);
    }

    private record Found(DonationDao.Row row, List<DonationLine> donationLines, List<ReceiptDao.LotLine> lines) {
    }

    private static Found found(Connection c, DonationDao.Row r) {
        try {
            return new Found(r, DonationDao.lines(c, r.id()), ReceiptDao.lotLines(c, r.id()));
        } catch (SQLException e) {
            throw new org.tongpao.core.persistence.DataAccessException("reading donation " + r.id(), e);
        }
    }

    private String designation(DonationDao.Row r) {
        return Designations.label(Designations.labelled(r.designation(), ctx.provinces::find));
    }

    private List<PublicItem> items(Found f) {
        Caller platform = Caller.system("donation-public");
        List<PublicItem> out = new ArrayList<>();
        for (DonationLine l : f.donationLines) {
            Item i = l.itemId() == null ? null : ctx.catalogue.get(platform, l.itemId());
            out.add(new PublicItem(i == null ? null : i.code(), i == null ? l.description() : i.name(),
                    i == null ? null : i.nameZh(), l.pledgedQuantity(), l.acceptedQuantity(), l.rejectedQuantity()));
        }
        return out;
    }

    private static List<Long> lotIds(List<ReceiptDao.LotLine> lines) {
        return lines.stream().filter(l -> l.lotId() > 0).map(ReceiptDao.LotLine::lotId).toList();
    }

    private static LocalDate first(List<ReceiptDao.LotLine> lines) {
        return lines.stream().map(ReceiptDao.LotLine::receivedOn).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static LocalDate last(List<ReceiptDao.LotLine> lines) {
        return lines.stream().map(ReceiptDao.LotLine::receivedOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
