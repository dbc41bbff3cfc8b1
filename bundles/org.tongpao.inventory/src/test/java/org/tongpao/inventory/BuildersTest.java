package org.tongpao.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every builder carries every component: a full value survives toBuilder().build(). */
class BuildersTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private static final LocalDate EXPIRY = LocalDate.of(2027, 6, 30);

    @Test
    void newReceipt() {
        NewReceipt r = new NewReceipt(1L, 2L, 300L, LotOrigin.DONATION, "D-1", EXPIRY, "note");
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(NewReceipt.builder().depotId(1L).build())
                .isEqualTo(new NewReceipt(1L, null, null, null, null, null, null));
    }

    @Test
    void newIssue() {
        NewIssue i = new NewIssue(1L, 2L, 300L, 7L, 9L, "REQ-7", "note");
        assertThat(i.toBuilder().build()).isEqualTo(i);
        assertThat(i.toBuilder().lotId(null).build().lotId()).isNull();
    }

    @Test
    void newTransfer() {
        NewTransfer t = new NewTransfer(1L, 2L, 3L, 200L, 9L, "TR-1", "note");
        assertThat(t.toBuilder().build()).isEqualTo(t);
    }

    @Test
    void lot() {
        Lot lot = new Lot(1, 2, 3, LotOrigin.TRANSFER, "TR-1", EXPIRY, LocalDate.of(2026, 12, 1),
                LotStatus.QUARANTINED, true, true, 4L, 500, 300, 100, T);
        assertThat(lot.toBuilder().build()).isEqualTo(lot);
    }

    @Test
    void movement() {
        Movement m = new Movement(1, 2, MovementType.ISSUE, 3, 4, 5, -60, "DAMAGE", 6L, 7L, "REQ-7", "note", "keeper",
                "req-1", T);
        assertThat(m.toBuilder().build()).isEqualTo(m);
    }
}
