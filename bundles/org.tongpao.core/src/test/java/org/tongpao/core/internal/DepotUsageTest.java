package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.internal.Fixture.ADMIN;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Depot;
import org.tongpao.core.spi.DepotUsage;

/** Deactivating a depot consults every registered {@link DepotUsage} inside its own transaction. */
class DepotUsageTest {
    private final Fixture f = new Fixture(true);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aDepotInUseIsNotDeactivatedAndNothingChanges() {
        Depot d = f.depots.getByCode(ADMIN, "HB-WH-01");
        List<Boolean> seenActive = new ArrayList<>();
        DepotUsage stock = (c, id) -> {
            // the check runs after the depot row was updated, in the same transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT active FROM tp_depot WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seenActive.add(rs.getBoolean(1));
                }
            }
            return id == d.id() ? Optional.of("holds 120 on hand") : Optional.empty();
        };
        DepotUsage transit = (c, id) -> Optional.of("2 transfers in transit to it");
        f.depots.addUsage(stock);
        f.depots.addUsage(transit);
        int auditRows = auditRows();

        assertThatThrownBy(() -> f.depots.deactivate(ADMIN, d.id(), d.version(), "off-1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("HB-WH-01 is still in use")
                .hasMessageContaining("holds 120 on hand")
                .hasMessageContaining("2 transfers in transit to it");
        assertThat(seenActive).containsExactly(false);
        Depot after = f.depots.get(ADMIN, d.id());
        assertThat(after.active()).isTrue();
        assertThat(after.version()).isEqualTo(d.version());
        assertThat(auditRows()).isEqualTo(auditRows);
        assertThat(events(CoreTopics.DEPOT + CoreTopics.DEACTIVATED)).isEmpty();

        // the key keeps its refusal: a repeat is told the same, even once nothing uses the depot any more
        f.depots.removeUsage(transit);
        f.depots.removeUsage(stock);
        f.depots.addUsage((c, id) -> Optional.empty());
        assertThatThrownBy(() -> f.depots.deactivate(ADMIN, d.id(), d.version(), "off-1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("2 transfers in transit to it");
        assertThat(f.depots.get(ADMIN, d.id()).active()).isTrue();
        // a new attempt takes a new key
        Depot off = f.depots.deactivate(ADMIN, d.id(), d.version(), "off-2");
        assertThat(off.active()).isFalse();
        assertThat(events(CoreTopics.DEPOT + CoreTopics.DEACTIVATED)).hasSize(1);
    }

    @Test
    void anUnusedDepotIsDeactivatedWithoutAnyUsageRegistered() {
        Depot d = f.depots.getByCode(ADMIN, "JS-PROV-01");
        assertThat(f.depots.deactivate(ADMIN, d.id(), null, null).active()).isFalse();
    }

    private int auditRows() {
        return org.tongpao.core.persistence.Transactions.read(f.ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tp_audit");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private List<Event> events(String topic) {
        return f.outbox.events().stream().filter(e -> e.getTopic().equals(topic)).toList();
    }
}
