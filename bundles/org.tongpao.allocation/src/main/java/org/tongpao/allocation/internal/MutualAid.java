package org.tongpao.allocation.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.OfferStatus;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/** Mutual aid: a province offers stock to another (checked against the depot's stock); the ministry brokers it. */
final class MutualAid {
    private static final Logger LOG = LoggerFactory.getLogger(MutualAid.class);

    private final AllocationContext ctx;

    MutualAid(AllocationContext ctx) {
        this.ctx = ctx;
    }

    MutualAidOffer offer(Caller caller, NewMutualAidOffer cmd, String idempotencyKey) {
        if (!caller.hasRole(Roles.PROVINCE_OFFICER) || caller.provinceCode() == null) {
            throw new AccessDeniedException("Mutual-aid offers are made by a province officer of the offering province");
        }
        Depot from = offeringDepot(caller, cmd);
        IdempotencyKeys.Outcome out = ctx.keys().execute(ctx.ds(), caller, idempotencyKey, "allocation.offer.create", cmd,
                c -> {
                    long id = Jdbc.insert(c, "INSERT INTO tp_alloc_offer (from_province, from_depot_id, item_id, "
                            + "quantity, to_province, note, status, offered_by, offered_at) VALUES (?,?,?,?,?,?,?,?,?)",
                            Jdbc.args(from.provinceCode(), from.id(), cmd.itemId(), cmd.quantity(),
                                    cmd.toProvinceCode(), cmd.note(), OfferStatus.OFFERED, caller.user(), Sql.now()));
                    ctx.audit().record(c, caller, "mutual-aid-offer", Long.toString(id), "CREATE", null, cmd);
                    ctx.events().record(c, AllocationTopics.OFFER_CREATED, caller, id, from.provinceCode(),
                            Map.of("toProvinceCode", cmd.toProvinceCode()));
                    return new IdempotencyKeys.Ref("mutual-aid-offer", Long.toString(id));
                });
        return getOffer(caller, Long.parseLong(out.ref().id()));
    }

    /** An active depot of the caller's province with the offered quantity available, to another province. */
    private Depot offeringDepot(Caller caller, NewMutualAidOffer cmd) {
        if (cmd.fromDepotId() == null || cmd.itemId() == null || cmd.quantity() == null || cmd.quantity() <= 0) {
            throw new ValidationException("quantity", "fromDepotId, itemId and a positive quantity are required");
        }
        Depot from = ScopeRules.namedInBody("fromDepotId", cmd.fromDepotId(),
                () -> ctx.depots().get(caller, cmd.fromDepotId()));
        if (!from.active() || !caller.provinceCode().equals(from.provinceCode())) {
            throw new ValidationException("fromDepotId", "the depot must be an active depot of province "
                    + caller.provinceCode());
        }
        ctx.catalogue().get(caller, cmd.itemId());
        if (!ctx.provinces().isValid(cmd.toProvinceCode())) {
            throw new ValidationException("toProvinceCode", "unknown province " + cmd.toProvinceCode());
        }
        if (cmd.toProvinceCode().equals(from.provinceCode())) {
            throw new ValidationException("toProvinceCode", "mutual aid goes to another province");
        }
        // the offering depot is the caller's own: its figure may be named (approval reserves it again, guarded)
        long available = ctx.inventory().available(caller, from.id(), cmd.itemId());
        if (available < cmd.quantity()) {
            throw new ConflictException(String.format(Locale.ROOT, "Depot %s has %,d of item %d available; an offer of "
                    + "%,d is %,d short", from.code(), available, cmd.itemId(), cmd.quantity(),
                    cmd.quantity() - available));
        }
        return from;
    }

    Page<MutualAidOffer> offers(Caller caller, OfferStatus status, int limit, String cursor) {
        AllocationScope.requirePlanReader(caller);
        Where where = Where.after(cursor);
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE) {
            where.and("(from_province = ? OR to_province = ?)", caller.provinceCode(), caller.provinceCode());
        }
        if (status != null) {
            where.and("status = ?", status.name());
        }
        List<MutualAidOffer> rows = Transactions.read(ctx.ds(), c -> OfferDao.query(c, where.sql(), where.args(),
                Paging.orderAndFetch("id", limit)));
        return Paging.page(rows, limit, MutualAidOffer::id);
    }

    MutualAidOffer getOffer(Caller caller, long id) {
        AllocationScope.requirePlanReader(caller);
        MutualAidOffer o = Transactions.read(ctx.ds(), c -> OfferDao.get(c, id));
        ScopeRules.requireVisible(AllocationScope.canSee(caller, o.fromProvinceCode(), o.toProvinceCode()),
                "Mutual-aid offer", id);
        return o;
    }

    Batch approveOffer(Caller caller, long offerId, OfferApproval approval, String idempotencyKey) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("Brokering mutual aid needs the ministry-admin role");
        }
        MutualAidOffer o = getOffer(caller, offerId);
        if (o.offeredBy().equals(caller.user())) {
            throw new ConflictException("Offer " + offerId + " was made by " + caller.user()
                    + "; approval needs a different person");
        }
        Optional<Batch> repeat = ctx.approval().repeat(caller, idempotencyKey, Owner.OFFER, offerId);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (o.status() != OfferStatus.OFFERED || o.batchId() != null) {
            throw new ConflictException("Offer " + offerId + " is " + o.status() + ", not awaiting approval");
        }
        OfferApproval a = approval == null ? new OfferApproval(null, null) : approval;
        Long toUnit = a.toOrgUnitId() == null ? null : receivingUnitIn(o.toProvinceCode(), a);
        long toDepot = toUnit != null ? 0 : receivingDepotIn(o.toProvinceCode(), a.toDepotId());
        if (a.needId() != null) {
            requireAnsweredNeed(caller, o, a.needId());
        }
        BatchDao.Draft line = new BatchDao.Draft(a.needId(), o.itemId(), o.fromDepotId(), toDepot, o.quantity(),
                "mutual aid offer " + offerId + " from province " + o.fromProvinceCode()
                        + (o.note() == null ? "" : ": " + o.note()), toUnit);
        return ctx.approval().approve(caller, idempotencyKey, "allocation.offer.approve:" + offerId, a,
                BatchSpec.forOffer(offerId, caller.user(), List.of(line)));
    }

    /** The need an offer answers: an open need of the receiving province for the offered item (or its category). */
    private void requireAnsweredNeed(Caller caller, MutualAidOffer o, long needId) {
        Need n = Transactions.read(ctx.ds(), c -> NeedDao.get(c, needId));
        boolean fits = Objects.equals(n.itemId(), o.itemId()) || (n.itemId() == null
                && n.categoryCode().equals(ctx.catalogue().get(caller, o.itemId()).categoryCode()));
        if (!o.toProvinceCode().equals(n.provinceCode()) || !fits || n.state() == NeedState.CANCELLED
                || n.state() == NeedState.FULFILLED) {
            throw new ValidationException("needId", "the need must be an open need of province "
                    + o.toProvinceCode() + " for this item");
        }
    }

    /** An org unit of the receiving province taking the aid itself (a front-line station without a depot). */
    private long receivingUnitIn(String province, OfferApproval a) {
        if (a.toDepotId() != null) {
            throw new ValidationException("toOrgUnitId", "give toDepotId or toOrgUnitId, not both");
        }
        OrgUnit u;
        try {
            u = ctx.units().get(Caller.system("allocation-offer"), a.toOrgUnitId());
        } catch (NotFoundException e) {
            throw NotFoundException.ofField("toOrgUnitId", a.toOrgUnitId());
        }
        if (!u.active() || !province.equals(u.provinceCode())) {
            throw new ValidationException("toOrgUnitId", "the receiving unit must be an active org unit of province "
                    + province);
        }
        return u.id();
    }

    private long receivingDepotIn(String province, Long wanted) {
        Caller system = Caller.system("allocation-offer");
        if (wanted != null) {
            Depot d = ctx.depots().get(system, wanted);
            if (!d.active() || !province.equals(d.provinceCode())) {
                throw new ValidationException("toDepotId", "the receiving depot must be an active depot of province "
                        + province);
            }
            return d.id();
        }
        try {
            long dept = ctx.units().getByCode(system, "P" + province).id();
            Optional<Long> own = new OrgPaths(ctx.units(), ctx.depots(), system.requestId()).receivingDepot(dept);
            if (own.isPresent()) {
                return own.get();
            }
        } catch (NotFoundException e) {
            LOG.debug("No provincial department P{}; taking any depot of the province", province);
        }
        List<Depot> any = ctx.depots().list(system, new DepotFilter(province, null, Boolean.TRUE, null), 1, null).items();
        if (any.isEmpty()) {
            throw new ConflictException("Province " + province + " has no active depot to receive mutual aid");
        }
        return any.get(0).id();
    }

    MutualAidOffer rejectOffer(Caller caller, long offerId, String note, String idempotencyKey) {
        if (!caller.isMinistry()) {
            throw new AccessDeniedException("Rejecting mutual aid needs a ministry role");
        }
        MutualAidOffer o = getOffer(caller, offerId);
        Owner.OFFER.reject(ctx, caller, offerId, note, idempotencyKey, o.fromProvinceCode(),
                "Offer " + offerId + " is not awaiting a decision");
        return getOffer(caller, offerId);
    }
}
