package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditEntry;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

class PersistenceTest {
    private final Fixture f = new Fixture(false);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void transactionRollsBackAndRethrowsTheSameException() {
        long audits = f.count("tp_audit");
        ConflictException boom = new ConflictException("boom");
        assertThatThrownBy(() -> Transactions.inTransaction(f.ds, c -> {
            f.audit.record(c, Fixture.ADMIN, "test", "1", "CREATED", null, List.of(1));
            throw boom;
        })).isSameAs(boom);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
    }

    @Test
    void sqlErrorsArriveAsDataAccessExceptionWithState() {
        assertThatThrownBy(() -> Transactions.inTransaction(f.ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_category VALUES ('MASK', 'x', 'x', 1)")) {
                return ps.executeUpdate();
            }
        })).isInstanceOfSatisfying(DataAccessException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(Sql.UNIQUE_VIOLATION);
            assertThat(Sql.isUniqueViolation(e)).isTrue();
        });
    }

    @Test
    void auditTrailPagesAndIsForMinistryAndAuditorsOnly() {
        Page<AuditEntry> first = f.audit.list(Fixture.AUDITOR, "item", null, null, 10, null);
        assertThat(first.items()).hasSize(10);
        Page<AuditEntry> second = f.audit.list(Fixture.AUDITOR, "item", null, null, 10, first.nextCursor());
        assertThat(second.items()).hasSize(7);
        assertThat(second.nextCursor()).isNull();
        assertThat(f.audit.list(Fixture.ADMIN, null, null, "system", 500, null).items()).hasSize(57);
        assertThatThrownBy(() -> f.audit.list(Fixture.HUBEI, null, null, null, 10, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void auditSnapshotsAreBounded() {
        String big = "x".repeat(40_000);
        Transactions.inTransaction(f.ds, c -> {
            f.audit.record(c, Fixture.ADMIN, "test", "big", "UPDATED", big, null);
            return null;
        });
        AuditEntry e = f.audit.list(Fixture.ADMIN, "test", "big", null, 1, null).items().get(0);
        assertThat(e.beforeJson()).startsWith("{\"truncated\":true");
    }

    @Test
    void cursorsRoundTripAndRejectGarbage() {
        assertThat(Paging.after(Paging.cursor(42))).isEqualTo(42);
        assertThat(Paging.after(null)).isZero();
        assertThat(Paging.limit(null)).isEqualTo(50);
        for (String bad : new String[] {"%%%", "aWQ6eA", "Zm9v"}) {
            assertThatThrownBy(() -> Paging.after(bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }
}
