package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;

/**
 * V8's fill: on a database that already holds stock and movements (on several days, in several provinces and the
 * central reserve), the summaries the migration computes equal the balances and the ledger; V10's fill of the expiry
 * days and the earliest day kept on the stock summary too.
 */
class SummaryMigrationTest extends WithFixture {

    @Test
    void theMigrationFillsBothSummariesFromExistingBalancesAndLedger() throws Exception {
        f.receive(f.central, f.kn95, 1_000, TODAY.plusYears(1));
        f.receive(f.wuhan, f.medprot, 300, TODAY.plusYears(1));
        f.clock.now = f.clock.now.plus(Duration.ofDays(1));
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.wuhan).itemId(f.medprot).quantity(20L)
                .orgUnitId(f.station).sourceDocument("REQ").build(), null);
        f.inventory.reserve(ADMIN, f.central, f.kn95, 50, "batch", null);
        f.clock.now = f.clock.now.plus(Duration.ofDays(1));
        f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.central).toDepotId(f.jiangsu)
                .itemId(f.kn95).quantity(100L).sourceDocument("TR").build(), null);

        // as before V8: no summaries; then the migration's own statements
        try (Connection c = f.ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM tp_inv_stock_summary");
            s.executeUpdate("DELETE FROM tp_inv_daily_movement");
            s.executeUpdate("DELETE FROM tp_inv_front_line");
            s.executeUpdate("DELETE FROM tp_inv_expiry_summary");
            for (String sql : fills("V8__stock_summaries.sql")) {
                s.executeUpdate(sql);
            }
            for (String sql : fills("V10__expiry_summary.sql")) {
                s.executeUpdate(sql);
            }
        }
        assertThat(f.count("tp_inv_stock_summary")).isEqualTo(2);
        assertThat(f.count("tp_inv_daily_movement")).isEqualTo(4); // receipts (2), issue, transfer-out
        assertThat(f.number("SELECT issued FROM tp_inv_front_line")).isEqualTo(20); // the issue to a station
        assertThat(f.count("tp_inv_expiry_summary")).isEqualTo(2);
        f.assertSummariesMatch();
    }

    /** The INSERT and UPDATE statements of a migration as shipped. */
    private static List<String> fills(String migration) throws IOException, SQLException {
        try (InputStream in = SummaryMigrationTest.class.getResourceAsStream(
                "/org/tongpao/inventory/db/migration/" + migration)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n"));
            return Arrays.stream(script.split(";")).map(String::trim).filter(x -> x.startsWith("INSERT") || x.startsWith("UPDATE")).toList();
        }
    }
}
