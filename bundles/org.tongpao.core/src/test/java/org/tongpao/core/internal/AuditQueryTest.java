package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.internal.Fixture.ADMIN;
import static org.tongpao.core.internal.Fixture.AUDITOR;
import static org.tongpao.core.internal.Fixture.HUBEI;
import static org.tongpao.core.internal.Fixture.OFFICER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.NewDepot;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditEntry;
import org.tongpao.core.persistence.AuditQuery;

/** Reading the audit trail: who deactivated the depot, filtered and paged newest first. */
class AuditQueryTest {
    private final Fixture f = new Fixture(true);

    @AfterEach
    void close() {
        f.close();
    }

    private Depot depot(Caller who, String code) {
        return f.depots.create(who, new NewDepot(code, "Store " + code, f.unit("P42-WUHAN").id(), null), null);
    }

    @Test
    void findsWhoDeactivatedADepot() {
        Depot d = depot(HUBEI, "HB-WH-07");
        Caller keeperOfRecords = Caller.of("liwei", Set.of("province-officer", "province-42"), "req-deactivate-7");
        f.depots.deactivate(keeperOfRecords, d.id(), null, null);

        Page<AuditEntry> trail = f.audit.find(AUDITOR,
                new AuditQuery("depot", Long.toString(d.id()), null, null, null, null), null, null);
        assertThat(trail.items()).extracting(AuditEntry::actor).containsExactly("liwei", "hubei");
        AuditEntry last = trail.items().get(0);
        assertThat(last.requestId()).isEqualTo("req-deactivate-7");
        assertThat(last.action()).isNotBlank();
        assertThat(last.afterJson()).contains("\"active\":false");
        assertThat(trail.nextCursor()).isNull();

        // by request id alone, and by actor alone
        assertThat(f.audit.find(ADMIN, new AuditQuery(null, null, null, null, null, "req-deactivate-7"), null, null)
                .items()).containsExactly(last);
        assertThat(f.audit.find(ADMIN, new AuditQuery(null, null, "liwei", null, null, null), null, null).items())
                .containsExactly(last);
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        Depot d = depot(ADMIN, "HB-WH-08");
        AuditEntry created = f.audit.find(ADMIN, new AuditQuery("depot", Long.toString(d.id()), null, null, null, null),
                null, null).items().get(0);
        Instant at = created.at();
        assertThat(find(new AuditQuery("depot", null, null, at, at.plusMillis(1), null))).contains(created);
        assertThat(find(new AuditQuery("depot", null, null, null, at, null))).doesNotContain(created);
        assertThat(find(new AuditQuery("depot", null, null, at.plusMillis(1), null, null))).doesNotContain(created);
        assertThatThrownBy(() -> f.audit.find(ADMIN, new AuditQuery(null, null, null, at, at, null), null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void pagesNewestFirstWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            depot(ADMIN, "HB-PG-0" + i);
        }
        AuditQuery byAdmin = new AuditQuery("depot", null, "admin", null, null, null);
        List<AuditEntry> all = f.audit.find(ADMIN, byAdmin, 500, null).items();
        assertThat(all).hasSizeGreaterThanOrEqualTo(7);
        List<AuditEntry> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> p = f.audit.find(ADMIN, byAdmin, 3, cursor);
            assertThat(p.items()).hasSizeLessThanOrEqualTo(3);
            paged.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
        assertThat(all).extracting(AuditEntry::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void onlyTheAdministratorAndAuditorsRead() {
        assertThatThrownBy(() -> f.audit.find(HUBEI, AuditQuery.ALL, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.audit.find(OFFICER, AuditQuery.ALL, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.audit.find(AUDITOR, AuditQuery.ALL, 1, null).items()).hasSize(1);
        assertThatThrownBy(() -> f.audit.find(ADMIN, AuditQuery.ALL, 0, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    private List<AuditEntry> find(AuditQuery q) {
        return f.audit.find(ADMIN, q, 500, null).items();
    }
}
