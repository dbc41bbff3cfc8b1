package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.funding.Money;
import org.tongpao.procurement.api.DocumentKind;

/**
 * What the customs officer records on an import order: the clearance steps in their order (DECLARED puts the order
 * AT_CUSTOMS, CLEARED clears it, and needs every required standard certified), the papers, the certificates.
 */
@Component(service = Customs.class)
public class Customs {
    /** Document and certificate numbers: what the SPI's references allow. */
    private static final String NUMBER = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    private final ImportBase base;
    private final ImportOrders orders;

    @Activate
    public Customs(@Reference ImportBase base, @Reference ImportOrders orders) {
        this.base = base;
        this.orders = orders;
    }

    public ImportOrder step(Caller caller, long id, CustomsStep step, String reference, BigDecimal dutiesCny, String note,
            String key) {
        ImportAccess.requireOfficer(caller, "record customs steps");
        CustomsStep s = Checks.required("step", step);
        String ref = reference == null ? null : number("reference", reference);
        String n = Checks.optionalLine("note", note, 500);
        Money duties = s == CustomsStep.DUTIES_PAID ? Money.of(Checks.required("dutiesCny", dutiesCny), Money.CNY) : null;
        if (duties != null && duties.signum() < 0) {
            throw new ValidationException("dutiesCny", "dutiesCny must be zero or more");
        }
        Map<String, Object> request = new HashMap<>();
        request.put("step", s.name());
        request.put("reference", ref);
        request.put("dutiesCny", duties == null ? null : duties.amount().toPlainString());
        orders.write(caller, id, key, "import.customs:" + id + ":" + s, request, (c, before) -> {
            CustomsRules.requireNext(before.status(), before.customs().stream().map(CustomsRecord::step).toList(), s);
            if (s == CustomsStep.CLEARED) {
                Set<String> items = before.lines().stream().map(ImportOrderLine::itemCode).collect(Collectors.toSet());
                LocalDate today = base.today();
                CustomsRules.requireCertified(CustomsRules.missingCertificates(items, ReferenceDao.required(c, items),
                        before.certifications(), today));
            }
            Jdbc.insert(c, "INSERT INTO tp_pimp_customs_step (order_id, step, occurred_at, reference, duties_cny, note, "
                    + "officer) VALUES (?,?,?,?,?,?,?)", Jdbc.args(id, s, base.now(), ref,
                    duties == null ? null : duties.amount(), n, caller.user()));
            base.audit.record(c, caller, ImportOrders.ENTITY, Long.toString(id), "CUSTOMS_" + s, null, request);
            Map<String, Object> props = ImportOrders.props(before);
            props.put("step", s.name());
            base.event(c, ImportTopics.CUSTOMS_STEP, caller, props);
            if (duties != null && !ImportOrderDao.update(c, before, "duties_cny = ?", duties.amount())) {
                throw ImportOrders.stale(before);
            }
            if (s == CustomsStep.DECLARED || s == CustomsStep.CLEARED) {
                ImportOrder current = ImportOrderDao.get(c, id).orElseThrow();
                orders.advance(c, caller, current, s == CustomsStep.DECLARED ? ImportStatus.AT_CUSTOMS : ImportStatus.CLEARED,
                        "customs " + s.name().toLowerCase(java.util.Locale.ROOT) + (ref == null ? "" : " " + ref));
            }
        });
        return orders.get(caller, id);
    }

    public ImportOrder document(Caller caller, long id, DocumentKind kind, String number, LocalDate issued, String key) {
        ImportAccess.requireOfficer(caller, "record an import order's papers");
        DocumentKind k = Checks.required("kind", kind);
        String no = number("number", number);
        Map<String, Object> request = new HashMap<>();
        request.put("kind", k.name());
        request.put("number", no);
        request.put("issued", issued == null ? null : issued.toString());
        orders.write(caller, id, key, "import.document:" + id + ":" + k + ":" + no, request, (c, before) -> {
            if (before.documents().stream().anyMatch(d -> d.kind() == k && d.number().equals(no))) {
                return;
            }
            Jdbc.insert(c, "INSERT INTO tp_pimp_document (order_id, kind, number, issued, recorded_by, recorded_at) "
                    + "VALUES (?,?,?,?,?,?)", Jdbc.args(id, k, no, issued, caller.user(), base.now()));
            base.audit.record(c, caller, ImportOrders.ENTITY, Long.toString(id), "DOCUMENT", null, request);
            Map<String, Object> props = ImportOrders.props(before);
            props.put("kind", k.name());
            props.put("number", no);
            base.event(c, ImportTopics.DOCUMENT_RECORDED, caller, props);
        });
        return orders.get(caller, id);
    }

    /** A certificate that one of the order's items meets a standard; recording it again replaces nothing (409). */
    public ImportOrder certify(Caller caller, long id, String itemCode, String standard, String certificateNumber,
            String issuedBy, LocalDate validUntil, String key) {
        ImportAccess.requireOfficer(caller, "record import certificates");
        String item = Checks.code("itemCode", itemCode);
        String std = Checks.line("standard", standard, 100);
        String no = number("certificateNumber", certificateNumber);
        String by = Checks.line("issuedBy", issuedBy, 200);
        LocalDate until = Checks.required("validUntil", validUntil);
        Map<String, Object> request = new HashMap<>();
        request.put("itemCode", item);
        request.put("standard", std);
        request.put("certificateNumber", no);
        orders.write(caller, id, key, "import.certify:" + id + ":" + item + ":" + std, request, (c, before) -> {
            if (before.lines().stream().noneMatch(l -> l.itemCode().equals(item))) {
                throw new ValidationException("itemCode", "order " + before.orderRef() + " has no line of " + item);
            }
            List<Certification> same = before.certifications().stream()
                    .filter(x -> x.itemCode().equals(item) && x.standard().equals(std)).toList();
            if (!same.isEmpty()) {
                if (same.get(0).certificateNumber().equals(no)) {
                    return;
                }
                throw new ConflictException("certificateNumber", item + " is certified to " + std + " already by "
                        + same.get(0).certificateNumber());
            }
            Jdbc.insert(c, "INSERT INTO tp_pimp_certification (order_id, item_code, standard, certificate_number, issued_by, "
                    + "valid_until, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?)", Jdbc.args(id, item, std, no, by,
                    until, caller.user(), base.now()));
            base.audit.record(c, caller, ImportOrders.ENTITY, Long.toString(id), "CERTIFY", null, request);
            Map<String, Object> props = ImportOrders.props(before);
            props.putAll(request);
            base.event(c, ImportTopics.CERTIFIED, caller, props);
        });
        return orders.get(caller, id);
    }

    private static String number(String field, String value) {
        if (value == null || !value.strip().matches(NUMBER)) {
            throw new ValidationException(field, field + " must be 1-64 letters, digits or . _ / -");
        }
        return value.strip();
    }
}
