package org.tongpao.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TransportMode;

/** Every builder carries every component: a full value survives toBuilder().build(). */
class BuildersTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void newShipment() {
        NewShipment n = new NewShipment(4L, 1L, 2L, "swift", 10, new BigDecimal("250.000"), TransportMode.ROAD,
                T, "fragile");
        assertThat(n.toBuilder().build()).isEqualTo(n);
        assertThat(NewShipment.builder().carrierId("swift").build())
                .isEqualTo(new NewShipment(null, null, null, "swift", null, null, null, null, null));
    }

    @Test
    void quoteRequest() {
        QuoteRequest q = new QuoteRequest(1L, 2L, 10, new BigDecimal("250.000"), TransportMode.AIR);
        assertThat(q.toBuilder().build()).isEqualTo(q);
        assertThat(q.toBuilder().mode(null).build().mode()).isNull();
    }

    @Test
    void shipment() {
        EntryPass pass = new EntryPass("WH-1", "Wuhan HQ", T, T.plusSeconds(3600), "鄂A·J1234", "Wang Jun");
        Sla sla = new Sla(SlaState.AT_RISK, T, List.of(new SlaMilestone("DELIVERY", T, null, SlaState.AT_RISK)));
        Shipment s = new Shipment(1, "SH-1", 4L, "2026-004", 2, "CENTRAL", null, 3, "HB-WH-01", "42", true, "Wuhan",
                "swift", true, "WB-1", ShipmentStatus.DELIVERED, "none", 10, new BigDecimal("250.000"),
                TransportMode.ROAD, T.plusSeconds(1), "notes", new BigDecimal("99.50"), "CNY", T.plusSeconds(2),
                T.plusSeconds(3), T.plusSeconds(4), T.plusSeconds(5), T.plusSeconds(6), "officer", T.plusSeconds(7),
                "keeper", new ProofOfDelivery("Li Wei", T.plusSeconds(5), "POD-1"), pass, sla, "planner",
                T.plusSeconds(8), T.plusSeconds(9), 3);
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.toBuilder().version(4).build().version()).isEqualTo(4);
    }
}
