package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.internal.DefaultPriorityPolicy.Criterion;
import org.tongpao.allocation.spi.NeedView;
import org.tongpao.allocation.spi.RankedNeed;

/** The default policy as a table: needs in, expected order and reasons out. */
class DefaultPriorityPolicyTest {
    static final Instant NOW = Instant.parse("2026-02-10T12:00:00Z");

    /** A need: id, key area label (null = none), urgency, front line, days of cover, days waiting. */
    static NeedView need(long id, String keyArea, Urgency u, boolean front, Integer cover, int daysWaiting) {
        return new NeedView(id, 1, "U" + id, "42", 7L, null, 100, 100, u, front, keyArea != null, keyArea, cover, null,
                NOW.minus(Duration.ofDays(daysWaiting)));
    }

    static Stream<Arguments> table() {
        List<Criterion> dflt = DefaultPriorityPolicy.DEFAULT_ORDER;
        return Stream.of(
                Arguments.of("key area beats urgency", dflt,
                        List.of(need(1, null, Urgency.IMMEDIATE, true, 1, 0), need(2, "Hubei", Urgency.ROUTINE, false, 30, 0)),
                        List.of(2L, 1L)),
                Arguments.of("urgency beats front line", dflt,
                        List.of(need(1, null, Urgency.H72, true, 1, 0), need(2, null, Urgency.IMMEDIATE, false, 9, 0)),
                        List.of(2L, 1L)),
                Arguments.of("front line beats cover and waiting", dflt,
                        List.of(need(1, null, Urgency.H72, false, 0, 9), need(2, null, Urgency.H72, true, 20, 0)),
                        List.of(2L, 1L)),
                Arguments.of("tie broken by fewer days of cover", dflt,
                        List.of(need(1, "Wuhan", Urgency.IMMEDIATE, true, 5, 9), need(2, "Wuhan", Urgency.IMMEDIATE, true, 2, 0)),
                        List.of(2L, 1L)),
                Arguments.of("unknown cover after any stated cover", dflt,
                        List.of(need(1, null, Urgency.ROUTINE, false, null, 9), need(2, null, Urgency.ROUTINE, false, 60, 0)),
                        List.of(2L, 1L)),
                Arguments.of("then longer waiting", dflt,
                        List.of(need(1, null, Urgency.ROUTINE, false, 3, 1), need(2, null, Urgency.ROUTINE, false, 3, 4)),
                        List.of(2L, 1L)),
                Arguments.of("then need id", dflt,
                        List.of(need(9, null, Urgency.ROUTINE, false, 3, 1), need(4, null, Urgency.ROUTINE, false, 3, 1)),
                        List.of(4L, 9L)),
                Arguments.of("all three criteria at once", dflt,
                        List.of(need(1, null, Urgency.ROUTINE, false, null, 0), need(2, null, Urgency.IMMEDIATE, true, 3, 0),
                                need(3, "Hubei", Urgency.ROUTINE, false, 3, 0), need(4, "Hubei", Urgency.IMMEDIATE, false, 3, 0),
                                need(5, "Hubei", Urgency.IMMEDIATE, true, 3, 0), need(6, null, Urgency.IMMEDIATE, false, 3, 0)),
                        List.of(5L, 4L, 3L, 2L, 6L, 1L)),
                Arguments.of("configured: urgency first", List.of(Criterion.URGENCY, Criterion.KEY_AREA),
                        List.of(need(1, "Hubei", Urgency.ROUTINE, false, 1, 0), need(2, null, Urgency.IMMEDIATE, false, 1, 0)),
                        List.of(2L, 1L)),
                Arguments.of("configured: front line first", List.of(Criterion.FRONT_LINE, Criterion.KEY_AREA,
                        Criterion.URGENCY),
                        List.of(need(1, "Hubei", Urgency.IMMEDIATE, false, 1, 0), need(2, null, Urgency.ROUTINE, true, 1, 0)),
                        List.of(2L, 1L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void ordersAsTheTableSays(String name, List<Criterion> order, List<NeedView> needs, List<Long> expected) {
        List<RankedNeed> ranked = new DefaultPriorityPolicy(order).rank(needs, NOW);
        assertThat(ranked).extracting(r -> r.need().id()).containsExactlyElementsOf(expected);
        assertThat(ranked).extracting(RankedNeed::rank).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, needs.size()).boxed().toArray(Integer[]::new));
        // and the order does not depend on the input order
        List<NeedView> reversed = new java.util.ArrayList<>(needs);
        java.util.Collections.reverse(reversed);
        assertThat(new DefaultPriorityPolicy(order).rank(reversed, NOW)).extracting(r -> r.need().id())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void reasonsNameEveryCriterionInOrder() {
        List<RankedNeed> ranked = new DefaultPriorityPolicy(DefaultPriorityPolicy.DEFAULT_ORDER).rank(List.of(
                need(1, "Hubei", Urgency.IMMEDIATE, true, 2, 3),
                need(2, null, Urgency.ROUTINE, false, null, 0),
                need(3, null, Urgency.H72, false, 1, 0)), NOW);
        assertThat(ranked.get(0).reason())
                .isEqualTo("key area (Hubei); urgency IMMEDIATE; front line; 2 days of cover; waiting 3 d");
        assertThat(ranked.get(1).reason())
                .isEqualTo("not a key area; urgency H72; not front line; 1 day of cover; waiting 0 h");
        assertThat(ranked.get(2).reason())
                .isEqualTo("not a key area; urgency ROUTINE; not front line; cover not stated; waiting 0 h");
        assertThat(ranked.get(0).sortKey()).startsWith("K0|U0|F0|C0002|").endsWith("#1");
    }

    @Test
    void configurationIsParsedAndUnknownCriteriaRefused() {
        assertThat(DefaultPriorityPolicy.parse(new String[] {"urgency, key-area", "front_line", "cover"}))
                .containsExactly(Criterion.URGENCY, Criterion.KEY_AREA, Criterion.FRONT_LINE, Criterion.DAYS_OF_COVER);
        assertThatThrownBy(() -> DefaultPriorityPolicy.parse(new String[] {"population"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population");
    }

    @Test
    void sortKeysPadDaysOfCoverAsFormatWould() {
        for (int n : new int[] {0, 2, 45, 999, 1000, 12345, -5}) {
            assertThat(DefaultPriorityPolicy.zeroPadded(n, 4)).isEqualTo(String.format(java.util.Locale.ROOT, "%04d", n));
        }
    }
}
