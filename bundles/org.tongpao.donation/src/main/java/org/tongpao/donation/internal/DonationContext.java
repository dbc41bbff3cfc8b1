package org.tongpao.donation.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.documents.Documents;
import org.tongpao.inventory.StockLedger;

/** What the parts of the donation service share: the database, the other bundles' services, the clock. */
final class DonationContext {
    /** Dates (expected, received, expiry) are the calendar of China. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final DataSource ds;
    final CatalogueService catalogue;
    final DepotService depots;
    final OrgUnitService units;
    final ProvinceRegistry provinces;
    final StockLedger stock;
    final Documents documents;
    final AuditTrail audit;
    final EventOutbox outbox;
    final IdempotencyKeys keys;
    final DonorCodes codes;
    private volatile Clock clock = Clock.systemUTC();

    DonationContext(DataSource ds, CatalogueService catalogue, DepotService depots, OrgUnitService units,
            ProvinceRegistry provinces, StockLedger stock, Documents documents, AuditTrail audit,
            IdempotencyKeys keys, EventOutbox outbox, DonorCodes codes) {
        this.ds = ds;
        this.catalogue = catalogue;
        this.depots = depots;
        this.units = units;
        this.provinces = provinces;
        this.stock = stock;
        this.documents = documents;
        this.audit = audit;
        this.outbox = outbox;
        this.keys = keys;
        this.codes = codes;
    }

    void clock(Clock c) {
        clock = c;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** A keyed write in one enclosing transaction: the inventory's lots join it (see the kit's executeEnclosing). */
    Ref write(Caller caller, String key, String operation, Object request, Transactions.Work<Ref> work) {
        return keys.executeEnclosing(ds, caller, key, operation, request, work);
    }

    /** An item named in the request body ({@code field}): 404 naming the field when there is none. */
    Item item(String field, long itemId) {
        return ScopeRules.namedInBody(field, itemId, () -> catalogue.get(Caller.system("donation"), itemId));
    }

    /** A province code named in the body: one of the 31. */
    String province(String field, String code) {
        if (code == null) {
            return null;
        }
        if (!provinces.isValid(code)) {
            throw new ValidationException(field, "unknown province code " + code);
        }
        return code;
    }

    /** Records an event on the outbox in {@code c}'s transaction; null properties are left out. */
    void event(Connection c, Caller caller, String topic, Map<String, Object> properties) {
        outbox.record(c, caller, topic, properties);
    }
}
