package org.tongpao.donation.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Identities;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationSnapshot;
import org.tongpao.donation.DonorKind;

/**
 * A provincial node rebuilt from central gets its donations back: central reads the copies it keeps of the node's
 * donations as the node sent them, and the rebuilt node stores them again as its own, under their ids and numbers,
 * so their later changes still update central's copies (keyed by the node's ids) and its new donations, donors and
 * acknowledgements are numbered above every restored one — a restarted numbering would hand out an id central's copy
 * of an old donation holds, and the newer copy would overwrite that history there.
 */
final class DonationRestore {
    private final DonationContext ctx;
    private final Pledges pledges;
    private final DonationReplicas replicas;

    DonationRestore(DonationContext ctx, Pledges pledges, DonationReplicas replicas) {
        this.ctx = ctx;
        this.pledges = pledges;
        this.replicas = replicas;
    }

    // --- central ---

    Page<DonationSnapshot> replicasOf(Caller caller, String node, int limit, String cursor) {
        String from = readableCopies(caller, node);
        int n = Paging.limit(limit);
        long after = Paging.after(cursor);
        return Transactions.read(ctx.ds, c -> {
            List<DonationSnapshot> out = new ArrayList<>();
            for (long id : Jdbc.query(c, "SELECT id FROM tp_don_donation WHERE source_node = ? AND source_id > ?"
                    + Paging.orderAndFetch("source_id", n), args(from, after), rs -> rs.getLong(1))) {
                out.add(replicas.asSent(c, id));
            }
            return Paging.page(out, n, DonationSnapshot::id);
        });
    }

    long replicaCount(Caller caller, String node) {
        String from = readableCopies(caller, node);
        return Transactions.read(ctx.ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM tp_don_donation WHERE source_node = ?",
                args(from)));
    }

    /** Another node's donations, whole, are the ministry's to read (a province's readers see their province's). */
    private static String readableCopies(Caller caller, String node) {
        if (!DonationScope.seesEverything(caller)) {
            throw new AccessDeniedException("Another node's donations are read by the ministry");
        }
        return Checks.text("node", node, 64);
    }

    // --- the rebuilt node ---

    List<Donation> restore(Caller caller, List<DonationSnapshot> snapshots) {
        ScopeRules.requireMinistryWriter(caller, "donations");
        Checks.required("snapshots", snapshots);
        List<DonationReplicas.Resolved> names = new ArrayList<>();
        for (DonationSnapshot s : snapshots) {
            Checks.required("snapshot", s);
            Checks.text("number", s.number(), 20);
            Checks.required("status", s.status());
            Checks.required("donorKind", s.donorKind());
            names.add(replicas.resolve(caller, s));
        }
        List<Long> ids = Transactions.write(ctx.ds, "donation.restore", c -> {
            List<Long> restored = new ArrayList<>();
            for (int i = 0; i < snapshots.size(); i++) {
                DonationSnapshot s = snapshots.get(i);
                if (DonationDao.find(c, s.id()).isEmpty()) { // else already restored: a resumed page
                    restoreDonor(c, s);
                    DonationReplicas.insertHead(c, null, s.donorId(), s, names.get(i));
                    DonationReplicas.writeLines(c, null, s.id(), s, names.get(i));
                    ctx.audit.record(c, caller, Pledges.ENTITY, String.valueOf(s.id()), "restore", null,
                            pledges.audited(c, s.id()));
                }
                restored.add(s.id());
            }
            continueNumbering(c, snapshots);
            return restored;
        });
        Caller reader = Caller.system(caller.requestId());
        return ids.stream().map(id -> pledges.get(reader, id)).toList();
    }

    /** The donor under its id, as the copy names it: its name or anonymous label; no contact ever left the node. */
    private static void restoreDonor(Connection c, DonationSnapshot s) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM tp_don_donor WHERE id = ?", args(s.donorId())) > 0) {
            return;
        }
        String name = Checks.text("donorName", s.donorName(), 200);
        DonorKind kind = s.donorKind();
        Jdbc.update(c, "INSERT INTO tp_don_donor (id, kind, name, province_code, anonymous, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", args(s.donorId(), kind.name(), name, s.provinceCode(),
                DonorDao.ANONYMOUS.equals(name), s.createdBy(), s.createdAt()));
    }

    private static void continueNumbering(Connection c, List<DonationSnapshot> restored) throws SQLException {
        Identities.continueAbove(c, "tp_don_donor", 0);
        Identities.continueAbove(c, "tp_don_donation", 0);
        for (DonationSnapshot s : restored) {
            Counters.continueAbove(c, Counters.DONATION, s.number());
            for (DonationSnapshot.Receipt r : s.receipts() == null ? List.<DonationSnapshot.Receipt>of()
                    : s.receipts()) {
                Counters.continueAbove(c, Counters.ACKNOWLEDGEMENT, r.acknowledgementNumber());
            }
        }
    }
}
