package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.allocation.internal.Fixture.ADMIN;
import static org.tongpao.allocation.internal.Fixture.HUBEI;
import static org.tongpao.allocation.internal.Fixture.JIANGSU;
import static org.tongpao.allocation.internal.Fixture.OFFICER;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;

/** A shipment's lines whose goods come back: returned through the inventory, or noted as carried on. */
class BatchReturnsTest extends FixtureTest {
    long mask;

    @Override
    Fixture fixture() {
        return new Fixture();
    }

    /** 800 masks needed at the station: 500 from the central reserve, 300 from Hubei's provincial depot. */
    Batch dispatchedFromTwoDepots() {
        mask = f.item("MASK-MEDPROT");
        f.inventory.stock(central, mask, 500);
        f.inventory.stock(hbProv, mask, 300);
        f.needs.create(HUBEI, new NewNeed(station, mask, null, 800L, Urgency.IMMEDIATE, null, null, "epidemic", 2, null),
                null);
        Batch b = f.allocation.approve(ADMIN, f.allocation.propose(OFFICER, new PlanRequest(mask, null, null, null, null),
                null).id(), null);
        b = f.allocation.dispatch(ADMIN, b.id(), null);
        assertThat(b.status()).isEqualTo(BatchStatus.DISPATCHED);
        assertThat(b.lines()).extracting(BatchLine::fromDepotId).containsExactlyInAnyOrder(central, hbProv);
        return b;
    }

    @Test
    void returnedLinesComeBackThroughTheInventoryOnceAndTheBatchFollows() {
        Batch b = dispatchedFromTwoDepots();
        BatchLine fromCentral = b.lines().stream().filter(l -> l.fromDepotId() == central).findFirst().orElseThrow();

        List<Long> ids = List.of(fromCentral.id());
        Batch back = f.allocation.returnLines(ADMIN, b.id(), ids, "carrier X cancelled after hand-over", "r-1");

        assertThat(back.lines()).filteredOn(l -> l.id() == fromCentral.id()).singleElement()
                .extracting(BatchLine::status, BatchLine::reason)
                .containsExactly("RETURNED", "carrier X cancelled after hand-over");
        assertThat(back.status()).isEqualTo(BatchStatus.DISPATCHED);
        assertThat(f.inventory.count("return")).isEqualTo(1);
        // a retry moves nothing more; another province cannot see the batch; a pair without lines is named
        f.allocation.returnLines(ADMIN, b.id(), ids, "carrier X cancelled after hand-over", "r-1");
        f.allocation.returnLines(ADMIN, b.id(), ids, null, null);
        assertThat(f.inventory.count("return")).isEqualTo(1);
        assertThatThrownBy(() -> f.allocation.returnLines(JIANGSU, b.id(), ids, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.allocation.returnLines(ADMIN, b.id(), List.of(987_654L), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no line 987654");
        assertThatThrownBy(() -> f.allocation.returnLines(ADMIN, b.id(), b.lines().stream().map(BatchLine::id).toList(),
                null, null)).isInstanceOf(ValidationException.class).hasMessageContaining("different depots");

        // the other line arrives: every line is done, one received
        BatchLine other = back.lines().stream().filter(l -> l.id() != fromCentral.id()).findFirst().orElseThrow();
        Batch done = f.allocation.receive(HUBEI, b.id(), List.of(new LineReceipt(other.id(), other.quantity(), 0L,
                null)), null);
        assertThat(done.status()).isEqualTo(BatchStatus.RECEIVED);
        assertThat(f.topics()).contains("BATCH_LINES_RETURNED");
    }

    @Test
    void linesCarriedOnByAnotherShipmentKeepTheirTransferAndSayWhy() {
        Batch b = dispatchedFromTwoDepots();
        List<Long> ids = b.lines().stream().filter(l -> l.fromDepotId() == central).map(BatchLine::id).toList();
        Batch noted = f.allocation.noteLines(ADMIN, b.id(), ids, "re-booked on SH-C-000002 with fleet", null);
        assertThat(noted.lines()).filteredOn(l -> l.fromDepotId() == central)
                .extracting(BatchLine::status, BatchLine::reason)
                .containsExactly(Tuple.tuple("DISPATCHED", "re-booked on SH-C-000002 with fleet"));
        assertThat(f.inventory.count("return")).isZero();
        assertThatThrownBy(() -> f.allocation.noteLines(ADMIN, b.id(), ids, " ", null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aBatchWhoseEveryLineCameBackIsReturned() {
        assertThat(BatchStatuses.derived(BatchStatus.DISPATCHED, List.of("RETURNED", "RETURNED")))
                .isEqualTo(BatchStatus.RETURNED);
        assertThat(BatchStatuses.derived(BatchStatus.DISPATCHED, List.of("RETURNED", "DISPATCHED")))
                .isEqualTo(BatchStatus.DISPATCHED);
        assertThat(BatchStatuses.derived(BatchStatus.DISPATCHED, List.of("RETURNED", "RECEIVED")))
                .isEqualTo(BatchStatus.RECEIVED);
    }
}
