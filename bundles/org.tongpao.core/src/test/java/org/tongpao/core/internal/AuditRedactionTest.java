package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.core.internal.Fixture.ADMIN;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.AuditEntry;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.DatabaseGrep;

/** Redacting audit rows for an erasure: the named fields go at any depth, the rows and everything else stay. */
class AuditRedactionTest {
    private static final String MARK = "[erased]";
    private final Fixture f = new Fixture(true);

    @AfterEach
    void close() {
        f.close();
    }

    private List<AuditEntry> rows(String id) {
        return f.audit.list(ADMIN, "donation", id, null, 50, null).items();
    }

    @Test
    void theNamedFieldsGoAtAnyDepthAndTheRowsStay() {
        Transactions.write(f.ds, "audit", c -> {
            f.audit.record(c, ADMIN, "donation", "1", "pledge", null, Map.of("note", "call Wang Xiuying",
                    "quantity", 5, "lines", List.of(Map.of("dispositionNote", "to Wang Xiuying's home", "item", "MASK"))));
            f.audit.record(c, ADMIN, "donation", "1", "cancel", Map.of("note", "call Wang Xiuying"),
                    Map.of("note", "call Wang Xiuying", "cancelReason", "Wang Xiuying cancelled"));
            // another donation, and a null note, stay as they are
            f.audit.record(c, ADMIN, "donation", "2", "pledge", null, Map.of("note", "Wang Xiuying's neighbour"));
            f.audit.record(c, ADMIN, "donation", "3", "pledge", null, java.util.Collections.singletonMap("note", null));
            return null;
        });
        Set<String> fields = Set.of("note", "cancelReason", "dispositionNote");
        int changed = Transactions.write(f.ds, "redact", c -> f.audit.redact(c, "donation", List.of("1", "3"), fields,
                MARK));

        assertThat(changed).isEqualTo(2);
        assertThat(rows("1")).hasSize(2).allSatisfy(r -> {
            assertThat(r.afterJson()).doesNotContain("Wang").contains(MARK);
            assertThat(r.beforeJson() == null || !r.beforeJson().contains("Wang")).isTrue();
        });
        assertThat(rows("1").get(0).afterJson()).contains("\"quantity\":5").contains("\"item\":\"MASK\"");
        assertThat(rows("3").get(0).afterJson()).contains("\"note\":null");
        assertThat(DatabaseGrep.find(f.ds, "Wang Xiuying")).containsExactly("tp_audit.after_json");
        // a second redaction changes nothing
        int again = Transactions.write(f.ds, "redact", c -> f.audit.redact(c, "donation", List.of("1"), fields, MARK));
        assertThat(again).isZero();
    }
}
