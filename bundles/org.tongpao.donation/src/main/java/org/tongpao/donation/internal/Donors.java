package org.tongpao.donation.internal;

import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.DonationTopics;
import org.tongpao.donation.Donor;
import org.tongpao.donation.DonorContact;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonor;

/**
 * Registering donors, reading them (contacts for donation officers only) and erasing their personal data. Audit
 * rows and events never carry a contact or a private donor's name; the answers kept with Idempotency-Keys are
 * forgotten on erasure, so an erasure leaves no copy behind (DonorErasureTest greps the whole database).
 */
final class Donors {
    static final String ENTITY = "donor";

    private final DonationContext ctx;

    Donors(DonationContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The answer leaves the contact out: the REST layer keeps a write's first answer with its Idempotency-Key, and
     * an erasure must not miss a copy there. Officers read it back with {@link #get}.
     */
    Donor register(Caller caller, NewDonor d, String key) {
        DonationScope.requireWriter(caller);
        Checks.body(d);
        Checks.required("kind", d.kind());
        Checks.text("name", d.name(), 200);
        String country = d.country() == null || d.country().isBlank() ? null : d.country().strip();
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new ValidationException("country", "country must be an ISO 3166 alpha-2 code such as CN or DE");
        }
        if (d.kind() == DonorKind.OVERSEAS && country == null) {
            throw new ValidationException("country", "an overseas donor needs its country");
        }
        DonorContact k = d.contact();
        if (k != null) {
            Checks.optionalText("contact.name", k.name(), 100);
            Checks.optionalText("contact.phone", k.phone(), 40);
            Checks.optionalText("contact.email", k.email(), 200);
            Checks.optionalText("contact.address", k.address(), 300);
            if (k.email() != null && !k.email().isBlank() && !k.email().matches("[^@\\s]+@[^@\\s]+")) {
                throw new ValidationException("contact.email", "contact.email is not an e-mail address");
            }
        }
        String province = ctx.province("provinceCode", DonationScope.provinceOf(caller, d.provinceCode()));
        NewDonor clean = new NewDonor(d.kind(), d.name(), country, province, d.anonymous(), k);
        Ref ref = ctx.write(caller, key, "donor.register", d, c -> {
            long id = DonorDao.insert(c, clean, province, caller.user(), ctx.now());
            ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "register", null, audited(clean));
            ctx.event(c, caller, DonationTopics.DONOR_REGISTERED, Map.of("id", id, "kind", d.kind().name(),
                    "provinceCode", province == null ? "" : province));
            return new Ref(ENTITY, String.valueOf(id));
        });
        return Transactions.read(ctx.ds, c -> DonorDao.find(c, Long.parseLong(ref.id()), false).orElseThrow());
    }

    /** What the audit row keeps of a new donor: never the contact, and a private person's name neither. */
    private static Map<String, Object> audited(NewDonor d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", d.kind().name());
        m.put("name", d.kind() == DonorKind.INDIVIDUAL ? "(personal data)" : d.name().strip());
        m.put("country", d.country());
        m.put("provinceCode", d.provinceCode());
        m.put("anonymous", Boolean.TRUE.equals(d.anonymous()));
        return m;
    }

    Donor get(Caller caller, long id) {
        DonationScope.requireReader(caller);
        return Transactions.read(ctx.ds, c -> ScopeRules.visible(DonorDao.find(c, id,
                DonationScope.seesContacts(caller)), x -> DonationScope.canReadDonor(caller, x.provinceCode()),
                ENTITY, id));
    }

    Page<Donor> list(Caller caller, int limit, String cursor) {
        DonationScope.requireReader(caller);
        long after = Paging.after(cursor);
        return Transactions.read(ctx.ds, c -> Paging.page(DonorDao.page(c, DonationScope.seesEverything(caller),
                caller.provinceCode(), after, limit, DonationScope.seesContacts(caller)), limit, Donor::id));
    }

    Donor erase(Caller caller, long id, String reason, String key) {
        DonationScope.requireWriter(caller);
        String why = Checks.text("reason", reason, 500);
        ctx.write(caller, key, "donor.erase:" + id, Map.of("reason", why), c -> {
            Donor before = ScopeRules.visible(DonorDao.lock(c, id),
                    x -> DonationScope.canReadDonor(caller, x.provinceCode()), ENTITY, id);
            if (!DonationScope.canWrite(caller, before.provinceCode())) {
                throw new org.tongpao.core.AccessDeniedException("A province's donation officer erases its own "
                        + "province's donors only");
            }
            // a copy of another node's donor is erased there: the erasure reaches this copy with the next snapshot
            DonationReplicas.requireOwnDonor(c, id);
            if (before.erasedAt() != null) {
                throw new ConflictException("erasedAt", "Donor " + id + " was erased at " + before.erasedAt());
            }
            DonorDao.erase(c, id, caller.user(), ctx.now());
            // what officers typed about the donor's donations may name them: it goes too, audit copies included
            NoteErasure.erase(ctx, c, id);
            // the first answers kept with Idempotency-Keys (a registration, a pledge naming the donor) go too: a
            // repeat of those writes now gets an answer built from the erased record
            ctx.keys.forgetAnswers(c, ENTITY, List.of(String.valueOf(id)));
            ctx.keys.forgetAnswers(c, Pledges.ENTITY, Jdbc.query(c, "SELECT id FROM tp_don_donation WHERE donor_id = ?",
                    Jdbc.args(id), rs -> String.valueOf(rs.getLong(1))));
            // neither side names the person: the row says that an erasure happened, when, by whom and why
            ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "erase", Map.of("kind", before.kind().name(),
                    "erased", false), Map.of("erased", true, "reason", why));
            ctx.event(c, caller, DonationTopics.DONOR_ERASED, Map.of("id", id));
            return new Ref(ENTITY, String.valueOf(id));
        });
        return get(caller, id);
    }
}
