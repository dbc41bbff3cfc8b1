package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;

/** A transfer in transit returned to its sender: the goods go back into the lots they left, and only once. */
class TransferReturnTest extends WithFixture {
    @Test
    void goodsInTransitComeBackIntoTheSendingDepotsLotsTiedToTheTransfer() {
        long lot = f.receive(f.hubeiProv, f.kn95, 1000, TODAY.plusYears(2));
        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.hubeiProv).toDepotId(f.wuhan)
                .itemId(f.kn95).quantity(300L).sourceDocument("TR-9").build(), null);
        assertThat(f.onHand(lot)).isEqualTo(700);

        Transfer back = f.inventory.returnTransfer(ADMIN, t.id(), "carrier cancelled after hand-over", "ret-1");

        assertThat(back.status()).isEqualTo(Transfer.Status.RETURNED);
        assertThat(f.onHand(lot)).isEqualTo(1000);
        assertThat(f.inventory.available(ADMIN, f.wuhan, f.kn95)).isZero();
        assertThat(f.inventory.movements(ADMIN, new MovementFilter(f.hubeiProv, f.kn95, MovementType.TRANSFER_IN, null, null), 50, null).items())
                .filteredOn(m -> m.type() == MovementType.TRANSFER_IN).singleElement().satisfies(m -> {
                    assertThat(m.quantity()).isEqualTo(300);
                    assertThat(m.lotId()).isEqualTo(lot);
                    assertThat(m.transferId()).isEqualTo(t.id());
                    assertThat(m.note()).isEqualTo("carrier cancelled after hand-over");
                });
        // a repeat with the same key answers the same; a second return or a late receipt is refused
        assertThat(f.inventory.returnTransfer(ADMIN, t.id(), "carrier cancelled after hand-over", "ret-1").status())
                .isEqualTo(Transfer.Status.RETURNED);
        assertThat(f.onHand(lot)).isEqualTo(1000);
        assertThatThrownBy(() -> f.inventory.returnTransfer(ADMIN, t.id(), null, "ret-2"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.inventory.receiveTransfer(ADMIN, t.id(), 300, 0, null, null))
                .isInstanceOf(ConflictException.class);
    }
}
