package org.tongpao.inventory.internal;

import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import org.junit.jupiter.api.Test;
import org.tongpao.inventory.NewIssue;

/**
 * The price of the expiry fold (inventory 1.10) in one run: the same writes on a dated item (whose every change moves
 * an expiry-day row, re-reads the key's first day and updates the stock row) and on an undated one (which skips
 * exactly that), in alternating rounds on one in-memory Derby, so both see the same machine. Not a test:
 * {@code mvn -B -o test -Pbench -pl bundles/org.tongpao.inventory -Dtest=ExpiryFoldBench
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.writes}, {@code -Dbench.rounds}); output {@code [bench]}.
 */
class ExpiryFoldBench extends WithFixture {
    private static final int WRITES = Integer.getInteger("bench.writes", 400);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    @Test
    void datedAgainstUndatedWrites() {
        f.receive(f.wuhan, f.kn95, 1_000_000_000L, TODAY.plusYears(2));
        f.receive(f.wuhan, f.tent, 1_000_000_000L, null);
        for (String kind : new String[] {"issues", "receipts"}) {
            double[] seconds = new double[2];
            run(kind, true, WRITES); // warm-up: the JIT, Derby's statement cache
            run(kind, false, WRITES);
            for (int round = 0; round < ROUNDS; round++) {
                seconds[0] += run(kind, true, WRITES);
                seconds[1] += run(kind, false, WRITES);
            }
            double dated = ROUNDS * WRITES / seconds[0];
            double undated = ROUNDS * WRITES / seconds[1];
            System.out.printf("[bench] %s/s, 1 thread, %d alternating rounds of %d: dated item %,.0f; undated item "
                    + "%,.0f; dated / undated %.2f%n", kind, ROUNDS, WRITES, dated, undated, dated / undated);
        }
        f.assertLedgerMatchesBalances();
    }

    private double run(String kind, boolean dated, int n) {
        long item = dated ? f.kn95 : f.tent;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (kind.equals("issues")) {
                f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.wuhan).itemId(item).quantity(1L)
                        .orgUnitId(f.station).sourceDocument("BENCH").build(), null);
            } else {
                f.receive(f.wuhan, item, 1, dated ? TODAY.plusDays(30 + i % 60) : null);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
