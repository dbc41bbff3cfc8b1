package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.spi.NeedView;
import org.tongpao.allocation.spi.PriorityPolicy;
import org.tongpao.allocation.spi.RankedNeed;
import org.tongpao.core.ConflictException;

/** Which installed policy plans use, and what the planner accepts from a policy. */
class PolicySelectorTest {
    static final PriorityPolicy DEFAULT = new DefaultPriorityPolicy(DefaultPriorityPolicy.DEFAULT_ORDER);

    /** A ministry's own policy: oldest need first, nothing else. */
    static final PriorityPolicy FIFO = (needs, now) -> {
        List<NeedView> sorted = new ArrayList<>(needs);
        sorted.sort(java.util.Comparator.comparing(NeedView::createdAt).thenComparingLong(NeedView::id));
        List<RankedNeed> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.add(new RankedNeed(sorted.get(i), i + 1, Integer.toString(i), "first come, first served"));
        }
        return out;
    };

    static Map<String, Object> props(String name, int ranking, long id) {
        return Map.of(PriorityPolicy.NAME_PROPERTY, name, Constants.SERVICE_RANKING, ranking, Constants.SERVICE_ID, id);
    }

    @Test
    void highestRankingWinsUnlessConfigurationNamesOne() {
        PolicySelector s = new PolicySelector(Fixture.config(""));
        assertThat(s.select()).isNull();
        s.addPolicy(DEFAULT, props("default", 0, 1));
        s.addPolicy(FIFO, props("fifo", 10, 2));
        assertThat(s.select().name()).isEqualTo("fifo");

        PolicySelector named = new PolicySelector(Fixture.config("default"));
        named.addPolicy(DEFAULT, props("default", 0, 1));
        named.addPolicy(FIFO, props("fifo", 10, 2));
        assertThat(named.select().name()).isEqualTo("default");
        named.removePolicy(DEFAULT);
        assertThat(named.select().name()).isEqualTo("fifo"); // named one gone: ranking decides
    }

    @Test
    void aPolicyThatLosesOrDuplicatesNeedsIsRefused() {
        NeedDao.Row a = row(1);
        NeedDao.Row b = row(2);
        PriorityPolicy lossy = (needs, now) -> List.of(new RankedNeed(needs.get(0), 1, "k", "r"));
        assertThatThrownBy(() -> PlanProposals.rank(new PolicySelector.Entry(lossy, "lossy", 0, 3),
                List.of(a, b), Instant.now())).isInstanceOf(ConflictException.class).hasMessageContaining("lossy");
        assertThat(PlanProposals.rank(new PolicySelector.Entry(FIFO, "fifo", 0, 2), List.of(b, a),
                Instant.now())).extracting(r -> r.need().id()).containsExactly(1L, 2L);
    }

    static NeedDao.Row row(long id) {
        Instant created = Instant.parse("2026-02-01T00:00:00Z").plusSeconds(id);
        return new NeedDao.Row(new org.tongpao.allocation.Need(id, 1, "U", "42", 7L, null, 10, 0, 0, Urgency.H72, false,
                false, null, null, null, null, null, NeedState.OPEN, "x", created, created, 1), "/1/");
    }
}
