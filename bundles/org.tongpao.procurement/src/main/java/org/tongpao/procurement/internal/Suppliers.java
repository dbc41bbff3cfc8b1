package org.tongpao.procurement.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Item;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.Qualification;
import org.tongpao.procurement.Supplier;

/** Registering suppliers and reading them (contacts for buyers only). */
final class Suppliers {
    static final String ENTITY = "supplier";

    private final ProcurementContext ctx;

    Suppliers(ProcurementContext ctx) {
        this.ctx = ctx;
    }

    Supplier create(Caller caller, NewSupplier s, String key) {
        ProcurementScope.requireBuyer(caller);
        Checks.body(s);
        String code = Checks.code("code", s.code());
        Checks.text("name", s.name(), 200);
        if (s.country() == null || !s.country().matches("[A-Z]{2}")) {
            throw new ValidationException("country", "country must be an ISO 3166 alpha-2 code such as CN or KR");
        }
        String province = province(caller, s.provinceCode());
        List<Qualification> qualifications = qualifications(caller, s.qualifications());
        Ref ref = ctx.write(caller, key, "supplier.create", s, c -> {
            if (SupplierDao.codeTaken(c, code)) {
                throw new ConflictException("code", "A supplier with code " + code + " exists");
            }
            long id = SupplierDao.insert(c, s, province, caller.user(), ctx.now());
            SupplierDao.insertQualifications(c, id, qualifications, ctx.now());
            Supplier created = read(c, id, true);
            ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "create", null, created);
            ctx.event(c, caller, ProcurementTopics.SUPPLIER_CREATED, Map.of("id", id, "code", code,
                    "provinceCode", province == null ? "" : province));
            return new Ref(ENTITY, String.valueOf(id));
        });
        return get(caller, Long.parseLong(ref.id()));
    }

    Supplier get(Caller caller, long id) {
        return Transactions.read(ctx.ds, c -> {
            SupplierDao.Row row = ScopeRules.visible(SupplierDao.find(c, id),
                    r -> ProcurementScope.canReadSupplier(caller, r.provinceCode()), ENTITY, id);
            return SupplierDao.assemble(c, List.of(row), ProcurementScope.seesContacts(caller)).get(0);
        });
    }

    Page<Supplier> list(Caller caller, Long itemId, int limit, String cursor) {
        long after = Paging.after(cursor);
        return Transactions.read(ctx.ds, c -> {
            List<SupplierDao.Row> rows = SupplierDao.page(c, ProcurementScope.seesEverything(caller),
                    caller.provinceCode(), itemId, after, limit);
            Page<SupplierDao.Row> page = Paging.page(rows, limit, SupplierDao.Row::id);
            return new Page<>(SupplierDao.assemble(c, page.items(), ProcurementScope.seesContacts(caller)),
                    page.nextCursor());
        });
    }

    private Supplier read(Connection c, long id, boolean withContact) throws SQLException {
        return SupplierDao.assemble(c, List.of(SupplierDao.find(c, id).orElseThrow()), withContact).get(0);
    }

    /** A province's buyer registers its own province's suppliers; the ministry's national ones or a province's. */
    private static String province(Caller caller, String requested) {
        String own = ProcurementScope.buyerProvince(caller);
        String province = requested == null || requested.isBlank() ? own : requested;
        if (!ProcurementScope.canWriteSupplier(caller, province)) {
            throw new AccessDeniedException(
                    "A province's buyer registers suppliers of its own province only");
        }
        if (province != null && !province.matches("[0-9]{2}")) {
            throw new ValidationException("provinceCode", "provinceCode must be a two-digit province code");
        }
        return province;
    }

    /** Each qualification checked and completed with its item's code; one per item. */
    private List<Qualification> qualifications(Caller caller, List<Qualification> given) {
        List<Qualification> out = new ArrayList<>();
        Set<Long> items = new HashSet<>();
        List<Qualification> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            Qualification q = list.get(i);
            String at = "qualifications[" + i + "].";
            Checks.required(at + "itemId", q.itemId());
            Checks.text(at + "standard", q.standard(), 64);
            Checks.notNegative(at + "weeklyCapacity", q.weeklyCapacity());
            if (q.leadTimeDays() == null || q.leadTimeDays() < 0 || q.leadTimeDays() > 365) {
                throw new ValidationException(at + "leadTimeDays", "leadTimeDays must be between 0 and 365");
            }
            if (!items.add(q.itemId())) {
                throw new ValidationException(at + "itemId", "item " + q.itemId() + " is listed twice");
            }
            Item item = ctx.item(caller, at + "itemId", q.itemId());
            out.add(new Qualification(item.id(), item.code(), q.standard().strip(), q.weeklyCapacity(),
                    q.leadTimeDays(), Checks.optionalText(at + "certificate", q.certificate(), 100), q.validUntil()));
        }
        return out;
    }
}
