package org.tongpao.procurement.imports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tongpao.core.ConflictException;

/**
 * The order of customs clearance and what release needs: each step follows the one before it (declared only once
 * shipped); duties paid names its amount; cleared needs, for every item of the order that must meet a Chinese
 * standard, a certificate of that standard valid on the day of release.
 */
final class CustomsRules {
    private CustomsRules() {
    }

    /** 409 naming {@code step} unless {@code step} is the next one for an order in {@code status} with {@code done} recorded. */
    static void requireNext(ImportStatus status, Collection<CustomsStep> done, CustomsStep step) {
        if (status == ImportStatus.CANCELLED) {
            throw new ConflictException("step", "the order is cancelled");
        }
        CustomsStep expected = CustomsStep.values()[done.size() < CustomsStep.values().length ? done.size() : 0];
        if (done.size() >= CustomsStep.values().length || step != expected) {
            throw new ConflictException("step", step + " cannot be recorded now: "
                    + (done.isEmpty() ? "customs starts with DECLARED" : "the next step is " + expected));
        }
        if (step == CustomsStep.DECLARED && status != ImportStatus.SHIPPED) {
            throw new ConflictException("step", "goods are declared at customs once shipped; the order is " + status);
        }
    }

    /**
     * The items whose required standard has no certificate valid on {@code day}, with that standard (item code →
     * standard), in item order; empty when release may go ahead.
     *
     * @param required item code → the standard it must meet (items without a requirement absent)
     */
    static Map<String, String> missingCertificates(Set<String> items, Map<String, String> required,
            List<Certification> certifications, LocalDate day) {
        Map<String, String> missing = new TreeMap<>();
        for (String item : items) {
            String standard = required.get(item);
            if (standard != null && certifications.stream().noneMatch(c -> c.itemCode().equals(item)
                    && c.standard().equals(standard) && !c.validUntil().isBefore(day))) {
                missing.put(item, standard);
            }
        }
        return missing;
    }

    /** 409 naming {@code certifications} when release lacks a certificate. */
    static void requireCertified(Map<String, String> missing) {
        if (!missing.isEmpty()) {
            List<String> what = new ArrayList<>();
            missing.forEach((item, standard) -> what.add(item + " needs a certificate of " + standard));
            throw new ConflictException("certifications", "customs cannot release the goods: " + String.join("; ", what));
        }
    }
}
