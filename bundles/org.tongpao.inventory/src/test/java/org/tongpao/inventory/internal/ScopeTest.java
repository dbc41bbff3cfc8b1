package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;

/**
 * Role × action: ministry everywhere, auditors read only, province officers their province, keepers their depot.
 * A depot, lot or unit outside the caller's scope is hidden (404) even in a write; stock moves between provinces
 * only on a ministry role's authority (or an approved allocation batch).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeTest {
    private final Fixture f = new Fixture();
    private final Map<String, Caller> callers = Map.of("admin", Fixture.ADMIN, "officer", Fixture.OFFICER,
            "hubei", Fixture.HUBEI, "jiangsu", Fixture.JIANGSU, "auditor", Fixture.AUDITOR, "keeper", Fixture.KEEPER,
            "partner", Fixture.PARTNER);
    private final long hubeiLot = f.receive(f.hubeiProv, f.kn95, 1_000_000, TODAY.plusYears(1));

    ScopeTest() {
        f.receive(f.wuhan, f.kn95, 1_000_000, TODAY.plusYears(1));
        f.receive(f.jiangsu, f.kn95, 1_000_000, TODAY.plusYears(1));
    }

    @AfterAll
    void close() {
        f.close();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "admin, read-hubei-lot, OK", "officer, read-hubei-lot, OK", "hubei, read-hubei-lot, OK",
        "jiangsu, read-hubei-lot, 404", "auditor, read-hubei-lot, OK", "keeper, read-hubei-lot, 404",
        "partner, read-hubei-lot, 404",
        "admin, issue-hubei-prov, OK", "officer, issue-hubei-prov, OK", "hubei, issue-hubei-prov, OK",
        "jiangsu, issue-hubei-prov, 404", "auditor, issue-hubei-prov, 403", "keeper, issue-hubei-prov, 404",
        "partner, issue-hubei-prov, 403",
        "hubei, issue-wuhan, OK", "keeper, issue-wuhan, OK", "jiangsu, issue-wuhan, 404",
        "admin, quarantine-hubei-lot, OK", "hubei, quarantine-hubei-lot, OK", "jiangsu, quarantine-hubei-lot, 404",
        "auditor, quarantine-hubei-lot, 403", "keeper, quarantine-hubei-lot, 404", "partner, quarantine-hubei-lot, 403",
        "officer, transfer-js-to-hubei-and-receive-as-hubei, OK", "jiangsu, transfer-js-to-hubei-and-receive-as-hubei, 404",
        "hubei, transfer-hubei-to-js, 404", "jiangsu, transfer-hubei-to-js, 404", "admin, transfer-hubei-to-js, OK",
        "jiangsu, receive-own-dispatch-to-hubei, 403", "keeper, receive-js-to-hubei, 404",
        "admin, balances, 3", "auditor, balances, 3", "hubei, balances, 2", "jiangsu, balances, 1",
        "keeper, balances, 1", "partner, balances, 0",
    })
    void scope(String who, String action, String expected) {
        Caller caller = callers.get(who);
        Runnable run = switch (action) {
            case "read-hubei-lot" -> () -> f.inventory.lot(caller, hubeiLot);
            case "issue-hubei-prov" -> () -> f.inventory.issue(caller, NewIssue.builder().depotId(f.hubeiProv)
                    .itemId(f.kn95).quantity(1L).orgUnitId(f.station).build(), null);
            case "issue-wuhan" -> () -> f.inventory.issue(caller, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95)
                    .quantity(1L).orgUnitId(f.station).build(), null);
            case "quarantine-hubei-lot" -> () -> {
                f.inventory.changeLotStatus(caller, hubeiLot, new LotStatusChange(LotStatus.QUARANTINED, "check"), null);
                f.inventory.changeLotStatus(Fixture.ADMIN, hubeiLot, new LotStatusChange(LotStatus.AVAILABLE, "ok"), null);
            };
            case "transfer-js-to-hubei-and-receive-as-hubei" -> () -> {
                Transfer t = f.inventory.transferOut(caller, NewTransfer.builder().fromDepotId(f.jiangsu)
                        .toDepotId(f.hubeiProv).itemId(f.kn95).quantity(10L).sourceDocument("MA-1").build(), null);
                assertThat(f.inventory.transfer(Fixture.HUBEI, t.id()).status()).isEqualTo(Transfer.Status.IN_TRANSIT);
                f.inventory.receiveTransfer(Fixture.HUBEI, t.id(), 10, 0, null, null);
            };
            case "transfer-hubei-to-js" -> () -> f.inventory.transferOut(caller, NewTransfer.builder()
                    .fromDepotId(f.hubeiProv).toDepotId(f.jiangsu).itemId(f.kn95).quantity(10L).build(), null);
            case "receive-own-dispatch-to-hubei", "receive-js-to-hubei" -> () -> {
                // between provinces on a ministry officer's authority; each side sees it, the receiver receives
                Transfer t = f.inventory.transferOut(Fixture.OFFICER, NewTransfer.builder().fromDepotId(f.jiangsu)
                        .toDepotId(f.hubeiProv).itemId(f.kn95).quantity(10L).build(), null);
                f.inventory.receiveTransfer(caller, t.id(), 10, 0, null, null);
            };
            case "balances" -> () -> assertThat(f.inventory.balances(caller,
                    new BalanceFilter(null, null, null, null, null, null, null, false), 50, null).items())
                    .filteredOn(b -> b.onHand() >= 999_000).hasSize(Integer.parseInt(expected));
            default -> throw new IllegalArgumentException(action);
        };
        switch (expected) {
            case "403" -> org.assertj.core.api.Assertions.assertThatThrownBy(run::run).isInstanceOf(AccessDeniedException.class);
            case "404" -> org.assertj.core.api.Assertions.assertThatThrownBy(run::run).isInstanceOf(NotFoundException.class);
            default -> run.run();
        }
        f.assertLedgerMatchesBalances();
    }
}
