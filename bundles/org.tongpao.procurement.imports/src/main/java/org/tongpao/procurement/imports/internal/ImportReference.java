package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.Money;

/** The exchange rates the officers record, and the Chinese standard each imported item must be certified to. */
@Component(service = ImportReference.class)
public class ImportReference {
    private final ImportBase base;

    @Activate
    public ImportReference(@Reference ImportBase base) {
        this.base = base;
    }

    /** A rate (CNY per unit, at most 10 decimals, funding's {@link ExchangeRate} rules) in force from {@code asOf} (now if null). */
    public RecordedRate recordRate(Caller caller, String currency, BigDecimal rate, Instant asOf, String source, String key) {
        ImportAccess.requireOfficer(caller, "record exchange rates");
        if (Money.CNY.equals(currency)) {
            throw new ValidationException("currency", "CNY is the currency rates are counted in");
        }
        Instant from = asOf == null ? base.now() : asOf;
        String src = Checks.optionalLine("source", source, 200);
        ExchangeRate checked = new ExchangeRate(currency, Money.CNY, rate, from, src);
        Map<String, Object> request = new HashMap<>();
        request.put("currency", currency);
        request.put("rate", checked.rate().toPlainString());
        request.put("asOf", from.toString());
        long id = base.write(caller, key, "import.rate", request, c -> {
            long created = ReferenceDao.insertRate(c, currency, checked.rate(), from, src, caller.user());
            base.audit.record(c, caller, "procurement-import-rate", Long.toString(created), "CREATE", null, request);
            base.event(c, ImportTopics.RATE_RECORDED, caller, new HashMap<>(request));
            return created;
        }, "procurement-import-rate");
        return Transactions.read(base.ds, c -> ReferenceDao.rate(c, id)).orElseThrow();
    }

    public Page<RecordedRate> rates(String currency, int limit, String cursor) {
        return Paging.page(Transactions.read(base.ds, c -> ReferenceDao.rates(c, currency, Paging.after(cursor), limit)),
                limit, RecordedRate::id);
    }

    public ItemStandard setStandard(Caller caller, String itemCode, String standard, String note, String key) {
        ImportAccess.requireOfficer(caller, "set the standards of imported items");
        String item = Checks.code("itemCode", itemCode);
        String std = Checks.line("standard", standard, 100);
        String n = Checks.optionalLine("note", note, 500);
        Map<String, Object> request = new HashMap<>();
        request.put("standard", std);
        request.put("note", n);
        base.write(caller, key, "import.standard:" + item, request, c -> {
            var before = ReferenceDao.putStandard(c, item, std, n, caller.user(), base.now());
            base.audit.record(c, caller, "procurement-import-standard", item, before.isPresent() ? "UPDATE" : "CREATE",
                    before.orElse(null), request);
            Map<String, Object> props = new HashMap<>(request);
            props.put("itemCode", item);
            base.event(c, ImportTopics.STANDARD_SET, caller, props);
            return 0L;
        }, "procurement-import-standard");
        return Transactions.read(base.ds, c -> ReferenceDao.standard(c, item)).orElseThrow();
    }

    public List<ItemStandard> standards() {
        return Transactions.read(base.ds, ReferenceDao::standards);
    }
}
