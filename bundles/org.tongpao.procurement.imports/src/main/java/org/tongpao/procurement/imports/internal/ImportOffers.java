package org.tongpao.procurement.imports.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;

/** Foreign suppliers' standing offers: recorded, withdrawn, listed; what the import channels offer and quote from. */
@Component(service = ImportOffers.class)
public class ImportOffers {
    static final String ENTITY = "procurement-import-offer";
    private final ImportBase base;

    @Activate
    public ImportOffers(@Reference ImportBase base) {
        this.base = base;
    }

    public ImportOffer create(Caller caller, NewImportOffer body, String key) {
        ImportAccess.requireOfficer(caller, "record import offers");
        NewImportOffer o = Checks.body(body).checked();
        long id = base.write(caller, key, "import.offer.create", o, c -> {
            if (OfferDao.codeTaken(c, o.code())) {
                throw new ConflictException("code", "offer " + o.code() + " exists already");
            }
            long created = OfferDao.insert(c, o, caller.user(), base.now());
            base.audit.record(c, caller, ENTITY, Long.toString(created), "CREATE", null, o);
            base.event(c, ImportTopics.OFFER_CREATED, caller, props(created, o.code(), o.itemCode(), o.currency()));
            base.offersChanged();
            return created;
        }, ENTITY);
        return get(id);
    }

    /** No new quote or order uses it; orders placed stay. A repeat changes nothing. */
    public ImportOffer withdraw(Caller caller, long id, String key) {
        ImportAccess.requireOfficer(caller, "withdraw import offers");
        base.write(caller, key, "import.offer.withdraw:" + id, Map.of(), c -> {
            ImportOffer before = OfferDao.get(c, id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            if (before.status() == ImportOffer.Status.ACTIVE) {
                if (!OfferDao.withdraw(c, before)) {
                    throw new StaleVersionException(ENTITY, id, before.version(), before.version() + 1);
                }
                base.audit.record(c, caller, ENTITY, Long.toString(id), "WITHDRAW", before, OfferDao.get(c, id).orElseThrow());
                base.event(c, ImportTopics.OFFER_WITHDRAWN, caller, props(id, before.code(), before.itemCode(),
                        before.currency()));
                base.offersChanged();
            }
            return id;
        }, ENTITY);
        return get(id);
    }

    private static Map<String, Object> props(long id, String code, String item, String currency) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("code", code);
        p.put("itemCode", item);
        p.put("currency", currency);
        return p;
    }

    public ImportOffer get(long id) {
        return Transactions.read(base.ds, c -> OfferDao.get(c, id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    public Page<ImportOffer> list(String itemCode, int limit, String cursor) {
        String item = itemCode == null ? null : Checks.code("itemCode", itemCode);
        return Paging.page(Transactions.read(base.ds, c -> OfferDao.page(c, item, Paging.after(cursor), limit)), limit,
                ImportOffer::id);
    }

    /** Active offers not yet expired (what the channels offer). */
    public List<ImportOffer> current() {
        return Transactions.read(base.ds, c -> OfferDao.active(c, null)).stream()
                .filter(o -> o.validOn(base.today())).toList();
    }

    List<ImportOffer> activeFor(Collection<String> items) {
        return Transactions.read(base.ds, c -> OfferDao.active(c, items));
    }
}
