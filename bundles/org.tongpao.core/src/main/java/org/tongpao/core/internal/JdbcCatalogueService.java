package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Category;
import org.tongpao.core.Checks;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewItem;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;

/** The item catalogue in {@code tp_category} and {@code tp_item}; national data, changed by ministry roles. */
@Component(service = CatalogueService.class)
public class JdbcCatalogueService implements CatalogueService {
    static final String ENTITY = "item";
    private static final String LABEL = "Item";
    private static final RecordSupport.Kind<Item> KIND = new RecordSupport.Kind<>(ENTITY, LABEL, CoreTopics.ITEM,
            ItemDao.TABLE, Item::version, Item::active, Item::code, item -> null, CoreEvents::snapshot);
    private static final String WHAT = "the catalogue";

    private final CoreSeed db;
    private final DataSource ds;
    private final RecordSupport<Item> records;

    @Activate
    public JdbcCatalogueService(@Reference CoreSeed db, @Reference AuditTrail audit,
            @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        this.db = db;
        this.ds = db.dataSource();
        this.records = new RecordSupport<>(KIND, db, audit, keys, outbox);
    }

    @Override
    public List<Category> categories() {
        return Transactions.read(ds, ItemDao::categories);
    }

    @Override
    public Page<Item> list(Caller caller, ItemFilter filter, int limit, String cursor) {
        ListQuery query = new ListQuery(limit, cursor);
        ItemFilter f = filter == null ? ItemFilter.all() : filter;
        query.optional("category_code", f.category()).optional("active", f.active())
                .contains(f.q(), "code", "name", "name_zh", "standard");
        List<Item> rows = Transactions.read(ds, c -> {
            if (f.category() != null && !ItemDao.categoryExists(c, f.category())) {
                throw new ValidationException("category", "unknown category " + f.category());
            }
            return query.rows(c, ItemDao.TABLE);
        });
        return query.page(rows, Item::id);
    }

    @Override
    public Item get(Caller caller, long id) {
        return records.get(id);
    }

    @Override
    public Item getByCode(Caller caller, String code) {
        return records.getByCode(code);
    }

    /** The checked fields of a new or changed item. */
    private record Fields(String category, String name, String nameZh, String unit, String standard,
            Integer shelfLifeMonths) {
    }

    private static Fields fields(String category, String name, String nameZh, String unit, String standard,
            Integer shelfLifeMonths) {
        String u = Checks.text("unit", unit, 16);
        if (!Item.UNITS.contains(u)) {
            throw new ValidationException("unit", "unit must be one of " + new java.util.TreeSet<>(Item.UNITS));
        }
        if (shelfLifeMonths != null && (shelfLifeMonths < 1 || shelfLifeMonths > 240)) {
            throw new ValidationException("shelfLifeMonths", "shelfLifeMonths must be between 1 and 240");
        }
        return new Fields(Checks.code("categoryCode", category), Checks.text("name", name, 200),
                Checks.optionalText("nameZh", nameZh, 200), u, Checks.optionalText("standard", standard, 64),
                shelfLifeMonths);
    }

    private static void requireCategory(Connection c, String category) throws SQLException {
        if (!ItemDao.categoryExists(c, category)) {
            throw new ValidationException("categoryCode", "unknown category " + category);
        }
    }

    @Override
    public Item create(Caller caller, NewItem cmd, String idempotencyKey) {
        ScopeRules.requireMinistryWriter(caller, WHAT);
        Checks.body(cmd);
        String code = Checks.code("code", cmd.code());
        Fields v = fields(cmd.categoryCode(), cmd.name(), cmd.nameZh(), cmd.unit(), cmd.standard(),
                cmd.shelfLifeMonths());
        return records.write(caller, idempotencyKey, ".create", cmd, c -> {
            requireCategory(c, v.category());
            return records.create(c, caller, code, c2 -> ItemDao.insert(c2, code, v.category(), v.name(), v.nameZh(),
                    v.unit(), v.standard(), v.shelfLifeMonths()));
        });
    }

    @Override
    public Item update(Caller caller, long id, ItemUpdate cmd, String idempotencyKey) {
        ScopeRules.requireMinistryWriter(caller, WHAT);
        Checks.body(cmd);
        Fields v = fields(cmd.categoryCode(), cmd.name(), cmd.nameZh(), cmd.unit(), cmd.standard(),
                cmd.shelfLifeMonths());
        long version = Checks.version("version", cmd.version());
        return records.write(caller, idempotencyKey, ".update:" + id, cmd, c -> {
            Item before = ItemDao.TABLE.find(c, id).orElseThrow(() -> new NotFoundException(LABEL, id));
            return records.update(c, caller, before, id, version, c2 -> {
                requireCategory(c2, v.category());
                return ItemDao.update(c2, id, version, v.category(), v.name(), v.nameZh(), v.unit(), v.standard(),
                        v.shelfLifeMonths());
            });
        });
    }

    @Override
    public Item deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey) {
        ScopeRules.requireMinistryWriter(caller, WHAT);
        return records.deactivate(caller, id, expectedVersion, idempotencyKey,
                (c, key) -> ItemDao.TABLE.find(c, key).orElseThrow(() -> new NotFoundException(LABEL, key)),
                (c, item) -> { });
    }



}
