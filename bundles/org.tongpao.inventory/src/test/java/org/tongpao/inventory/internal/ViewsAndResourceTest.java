package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.PageParams;
import org.tongpao.inventory.Balance;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.internal.rest.BalanceResource;
import org.tongpao.inventory.internal.rest.CensusResource;
import org.tongpao.inventory.internal.rest.InventoryApiAccess;
import org.tongpao.inventory.internal.rest.LotResource;
import org.tongpao.inventory.internal.rest.MovementResource;

class ViewsAndResourceTest extends WithFixture {
    @Test
    void movementsFilterByTimeAndTypeAndPage() {
        f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        Instant later = f.clock.now.plus(Duration.ofHours(2));
        f.clock.now = later;
        for (int i = 0; i < 3; i++) {
            f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(1L)
                    .orgUnitId(f.station).build(), null);
        }
        var page = f.inventory.movements(ADMIN, new MovementFilter(null, null, null, later, null), 2, null);
        assertThat(page.items()).extracting(Movement::type).containsOnly(MovementType.ISSUE).hasSize(2);
        assertThat(f.inventory.movements(ADMIN, new MovementFilter(null, null, null, later, null), 2, page.nextCursor())
                .items()).hasSize(1);
        assertThat(f.inventory.movements(ADMIN, new MovementFilter(null, null, MovementType.RECEIPT, null, later), 50, null)
                .items()).hasSize(1);
        assertThat(f.inventory.movements(Fixture.JIANGSU, new MovementFilter(null, null, null, null, null), 50, null)
                .items()).isEmpty();
    }

    @Test
    void lotBalancesListFefoWithUnissuableLotsAtZeroAvailable() {
        long late = f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusYears(2));
        long early = f.receive(f.hubeiProv, f.kn95, 20, TODAY.plusYears(1));
        long quarantined = f.receive(f.hubeiProv, f.kn95, 30, TODAY.plusMonths(3));
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.QUARANTINED, "check"), null);
        f.receive(f.jiangsu, f.kn95, 5, TODAY.plusYears(1));
        assertThat(f.inventory.lotBalances(Fixture.HUBEI, null, f.kn95)).extracting(Balance::lotId, Balance::available)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(quarantined, 0L),
                        org.assertj.core.groups.Tuple.tuple(early, 20L), org.assertj.core.groups.Tuple.tuple(late, 10L));
        assertThat(f.inventory.lotBalances(ADMIN, null, f.kn95)).hasSize(4);
    }

    @Test
    void queryParametersAreCheckedAndNamed() {
        var balances = InventoryApiAccess.wire(new BalanceResource(), f.inventory);
        assertThatThrownBy(() -> balances.balances(ADMIN, null, null, null, null, null, "depot", new PageParams()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("by"));
        assertThatThrownBy(() -> balances.balances(ADMIN, null, null, null, null, "GONE", null, new PageParams()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> InventoryApiAccess.wire(new MovementResource(), f.inventory).movements(ADMIN, null, null, null, "yesterday", null, new PageParams()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> InventoryApiAccess.wire(new LotResource(), f.inventory).lots(ADMIN, "x", null, null, new PageParams()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("depot"));
        assertThatThrownBy(() -> InventoryApiAccess.wire(new CensusResource(), f.inventory).submit(ADMIN, 1, "42", new IdempotencyHeader(), "{\"declared\": 5}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("declared"));
        f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusYears(2));
        assertThat(balances.balances(ADMIN, null, "HB-PROV-01", null, "MASK-KN95", null, "item", new PageParams()).items())
                .singleElement().satisfies(b -> assertThat(b.onHand()).isEqualTo(10));
    }
}
