package org.tongpao.federation.inventory.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.federation.RebuildContribution;

/**
 * Sections another glue bundle contributes (federation 1.2 {@link RebuildContribution}) travel after the inventory's
 * own, paged by the contribution's keys, applied with the cursor in the page's transaction (so a failed page is
 * applied again on resume, once), counted in the manifest; a province without the contribution skips them.
 */
class ContributedSectionsTest {
    private final RebuildFixture f = new RebuildFixture();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failOnce = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    @AfterEach
    void close() {
        f.close();
    }

    /** Five records "n1".."n5" of province 42 at central; at the province each applied row is remembered. */
    private final class Notes implements RebuildContribution {
        @Override
        public Rows read(Connection c, String province, String after, int limit) {
            int from = after == null ? 0 : Integer.parseInt(after);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = from + 1; i <= Math.min(5, from + limit); i++) {
                rows.add(Map.of("code", "n" + i, "province", province));
            }
            int last = from + rows.size();
            return new Rows(rows, last < 5 ? Integer.toString(last) : null);
        }

        @Override
        public long count(Connection c, String province) {
            return 5;
        }

        @Override
        public void apply(Connection c, Caller central, List<Map<String, Object>> rows) {
            if (rows.get(0).get("code").equals("n3") && failOnce.compareAndSet(true, false)) {
                throw new IllegalStateException("disk full");
            }
            assertThat(central.hasRole("ministry-admin")).isTrue();
            // kept once the page's transaction commits: a page is applied inside it, with the cursor
            org.tongpao.core.persistence.Transactions.afterCommit(() -> rows.forEach(r -> applied.add(r.get("code")
                    + "@" + r.get("province"))));
        }

        @Override
        public void finish(Connection c) {
            finished.set(true);
        }
    }

    @Test
    void aContributedSectionFollowsTheInventorysOwnAndResumesLikeThem() {
        Notes notes = new Notes();
        f.centralSections.add(notes, Map.of(RebuildContribution.SECTION, "notes"));
        f.provinceSections.add(notes, Map.of(RebuildContribution.SECTION, "notes"));
        failOnce.set(true);
        Rebuilder rebuilder = f.rebuilder(2);

        assertThatThrownBy(() -> rebuilder.runHere(f.ADMIN, f.stream(), r -> { })).hasMessageContaining("disk full");
        assertThat(rebuilder.status().orElseThrow().cursor()).isEqualTo("notes:2");
        RebuildRun done = rebuilder.runHere(f.ADMIN, f.stream(), r -> { });

        assertThat(done.state()).isEqualTo(RebuildRun.DONE);
        assertThat(done.rowsApplied()).isEqualTo(done.rowsExpected());
        assertThat(applied).containsExactly("n1@42", "n2@42", "n3@42", "n4@42", "n5@42");
        assertThat(finished).isTrue();
        RebuildPage first = f.source.page(RebuildFixture.HUBEI_NODE, "42", null, "2");
        assertThat(first.manifest()).containsEntry("contributed", Map.of("notes", 5L));
        assertThat(first.manifest().get("sections")).isEqualTo(List.of("units", "items", "depots", "lots", "transfers", "notes"));
    }

    @Test
    void aSectionTheProvinceCannotApplyIsSkipped() {
        f.centralSections.add(new Notes(), Map.of(RebuildContribution.SECTION, "notes"));
        RebuildRun done = f.rebuilder(500).runHere(f.ADMIN, f.stream(), r -> { });
        assertThat(done.state()).isEqualTo(RebuildRun.DONE);
        assertThat(applied).isEmpty();
    }
}
