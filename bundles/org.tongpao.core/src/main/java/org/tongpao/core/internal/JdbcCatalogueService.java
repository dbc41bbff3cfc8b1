package org.tongpao.core.internal;

import org.tongpao.core.persistence.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Category;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewItem;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Outcome;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/** The item catalogue in {@code tp_category} and {@code tp_item}; national data, changed by ministry roles. */
@Component(service = CatalogueService.class)
public class JdbcCatalogueService implements CatalogueService {
    static final String ENTITY = "item";
    private static final String LABEL = "Item";
    private static final String WHAT = "the catalogue";

    private final CoreSeed db;
    private final DataSource ds;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;

    @Activate
    public JdbcCatalogueService(@Reference CoreSeed db, @Reference AuditTrail audit,
            @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        this.db = db;
        this.ds = db.dataSource();
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
    }

    @Override
    public List<Category> categories() {
        return Transactions.read(ds, ItemDao::categories);
    }

    @Override
    public Page<Item> list(Caller caller, ItemFilter filter, int limit, String cursor) {
        int n = Paging.limit(limit);
        long after = Paging.after(cursor);
        ItemFilter f = filter == null ? ItemFilter.all() : filter;
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = Jdbc.args(after);
        if (f.category() != null) {
            where.append(" AND category_code = ?");
            args.add(f.category());
        }
        if (f.active() != null) {
            where.append(" AND active = ?");
            args.add(f.active());
        }
        String q = Checks.query(f.q());
        if (q != null) {
            where.append(" AND (LOWER(code) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(name_zh) LIKE ? ESCAPE '\\' OR LOWER(standard) LIKE ? ESCAPE '\\')");
            String p = Sql.containsPattern(q);
            for (int i = 0; i < 4; i++) {
                args.add(p);
            }
        }
        where.append(Paging.orderAndFetch("id", n));
        List<Item> rows = Transactions.read(ds, c -> {
            if (f.category() != null && !ItemDao.categoryExists(c, f.category())) {
                throw new ValidationException("category", "unknown category " + f.category());
            }
            return ItemDao.list(c, where.toString(), args);
        });
        return Paging.page(rows, n, Item::id);
    }

    @Override
    public Item get(Caller caller, long id) {
        return Transactions.read(ds, c -> ItemDao.find(c, id)).orElseThrow(() -> new NotFoundException(LABEL, id));
    }

    @Override
    public Item getByCode(Caller caller, String code) {
        return Transactions.read(ds, c -> ItemDao.findByCode(c, code))
                .orElseThrow(() -> new NotFoundException(LABEL, code));
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
        if (cmd == null) {
            throw new ValidationException("body", "a request body is required");
        }
        String code = Checks.code("code", cmd.code());
        Fields v = fields(cmd.categoryCode(), cmd.name(), cmd.nameZh(), cmd.unit(), cmd.standard(),
                cmd.shelfLifeMonths());
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".create", cmd, c -> {
            requireCategory(c, v.category());
            if (ItemDao.findByCode(c, code).isPresent()) {
                throw duplicate(code);
            }
            long id;
            try {
                id = ItemDao.insert(c, code, v.category(), v.name(), v.nameZh(), v.unit(), v.standard(),
                        v.shelfLifeMonths());
            } catch (SQLException e) {
                throw Sql.isUniqueViolation(e) ? duplicate(code) : e;
            }
            changed(c, caller, CoreTopics.CREATED, null, id);
            return new Ref(ENTITY, Long.toString(id));
        });
        return load(outcome.ref());
    }

    @Override
    public Item update(Caller caller, long id, ItemUpdate cmd, String idempotencyKey) {
        ScopeRules.requireMinistryWriter(caller, WHAT);
        if (cmd == null) {
            throw new ValidationException("body", "a request body is required");
        }
        Fields v = fields(cmd.categoryCode(), cmd.name(), cmd.nameZh(), cmd.unit(), cmd.standard(),
                cmd.shelfLifeMonths());
        long version = Checks.version("version", cmd.version());
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".update:" + id, cmd, c -> {
            Item before = ItemDao.find(c, id).orElseThrow(() -> new NotFoundException(LABEL, id));
            Checks.expectVersion(LABEL, id, version, before.version());
            requireCategory(c, v.category());
            if (!ItemDao.update(c, id, version, v.category(), v.name(), v.nameZh(), v.unit(), v.standard(),
                    v.shelfLifeMonths())) {
                throw stale(c, id, version);
            }
            changed(c, caller, CoreTopics.UPDATED, before, id);
            return new Ref(ENTITY, Long.toString(id));
        });
        return load(outcome.ref());
    }

    @Override
    public Item deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey) {
        ScopeRules.requireMinistryWriter(caller, WHAT);
        Long expected = Checks.optionalVersion("version", expectedVersion);
        Outcome outcome = keys.execute(ds, caller, idempotencyKey, ENTITY + ".deactivate:" + id,
                Collections.singletonMap("version", expected), c -> {
                    Item before = ItemDao.find(c, id).orElseThrow(() -> new NotFoundException(LABEL, id));
                    Checks.expectVersion(LABEL, id, expected, before.version());
                    if (!before.active()) {
                        return new Ref(ENTITY, Long.toString(id));
                    }
                    if (!ItemDao.deactivate(c, id, before.version())) {
                        throw stale(c, id, before.version());
                    }
                    changed(c, caller, CoreTopics.DEACTIVATED, before, id);
                    return new Ref(ENTITY, Long.toString(id));
                });
        return load(outcome.ref());
    }

    private static StaleVersionException stale(Connection c, long id, long expected) throws SQLException {
        long actual = ItemDao.find(c, id).map(Item::version).orElse(-1L);
        return new StaleVersionException(LABEL, id, expected, actual);
    }

    private static ConflictException duplicate(String code) {
        return new ConflictException(LABEL + " code " + code + " already exists");
    }

    private Item load(Ref ref) {
        long id = Long.parseLong(ref.id());
        return Transactions.read(ds, c -> ItemDao.find(c, id)).orElseThrow(() -> new NotFoundException(LABEL, id));
    }

    /** The change's audit row and event, in its transaction. */
    private void changed(Connection c, Caller caller, String action, Item before, long id) throws SQLException {
        Item after = ItemDao.find(c, id).orElseThrow();
        audit.record(c, caller, ENTITY, Long.toString(id), action, before, after);
        outbox.record(c, CoreTopics.ITEM + action, CoreEvents.properties(caller, db.node(), id, after.code(), null,
                after.version()));
    }
}
