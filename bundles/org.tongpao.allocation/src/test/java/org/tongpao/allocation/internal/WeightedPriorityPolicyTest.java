package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.allocation.internal.DefaultPriorityPolicyTest.NOW;
import static org.tongpao.allocation.internal.DefaultPriorityPolicyTest.need;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.internal.DefaultPriorityPolicy.Criterion;
import org.tongpao.allocation.internal.DefaultPriorityPolicy.Mode;
import org.tongpao.allocation.spi.NeedView;
import org.tongpao.allocation.spi.RankedNeed;
import org.tongpao.core.testing.Configs;

/** The default policy's weighted mode as a table: needs and weights in, expected order and reasons out. */
class WeightedPriorityPolicyTest {
    static final Map<Criterion, Double> DEFAULTS = DefaultPriorityPolicy.DEFAULT_WEIGHTS;

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("default weights: key area first", DEFAULTS,
                        List.of(need(1, null, Urgency.IMMEDIATE, true, 1, 0), need(2, "Hubei", Urgency.ROUTINE, false, 30, 0)),
                        List.of(2L, 1L),
                        List.of("score 100.6 = key area (Hubei) +100.0; urgency ROUTINE +0.0; not front line +0.0; "
                                + "30 days of cover +0.6; waiting 0 h +0.0",
                                "score 90.0 = not a key area +0.0; urgency IMMEDIATE +50.0; front line +30.0; "
                                + "1 day of cover +10.0; waiting 0 h +0.0")),
                Arguments.of("unlike the lexicographic order, urgency and front line together outweigh a key area",
                        DefaultPriorityPolicy.weights(60, 50, 30, 0, 0),
                        List.of(need(1, "Hubei", Urgency.ROUTINE, false, 1, 0), need(2, null, Urgency.IMMEDIATE, true, 1, 0)),
                        List.of(2L, 1L),
                        List.of("score 80.0 = not a key area +0.0; urgency IMMEDIATE +50.0; front line +30.0",
                                "score 60.0 = key area (Hubei) +60.0; urgency ROUTINE +0.0; not front line +0.0")),
                Arguments.of("H72 counts half", DefaultPriorityPolicy.weights(0, 50, 0, 0, 0),
                        List.of(need(1, null, Urgency.ROUTINE, false, null, 0), need(2, null, Urgency.H72, false, null, 0),
                                need(3, null, Urgency.IMMEDIATE, false, null, 0)),
                        List.of(3L, 2L, 1L),
                        List.of("score 50.0 = urgency IMMEDIATE +50.0", "score 25.0 = urgency H72 +25.0",
                                "score 0.0 = urgency ROUTINE +0.0")),
                Arguments.of("long waiting can overtake a day less of cover", DefaultPriorityPolicy.weights(0, 0, 0, 20, 10),
                        List.of(need(1, null, Urgency.ROUTINE, false, 1, 0), need(2, null, Urgency.ROUTINE, false, 2, 30)),
                        List.of(2L, 1L),
                        List.of("score 16.7 = 2 days of cover +6.7; waiting 30 d +10.0",
                                "score 10.0 = 1 day of cover +10.0; waiting 0 h +0.0")),
                Arguments.of("waiting counts at most 30 days", DefaultPriorityPolicy.weights(0, 0, 0, 0, 10),
                        List.of(need(1, null, Urgency.ROUTINE, false, null, 90), need(2, null, Urgency.ROUTINE, false, null, 15)),
                        List.of(1L, 2L),
                        List.of("score 10.0 = waiting 90 d +10.0", "score 5.0 = waiting 15 d +5.0")),
                Arguments.of("equal scores: fewer days of cover, unknown last", DefaultPriorityPolicy.weights(100, 0, 0, 0, 0),
                        List.of(need(1, "Wuhan", Urgency.ROUTINE, false, null, 0), need(2, "Wuhan", Urgency.ROUTINE, false, 5, 0),
                                need(3, "Wuhan", Urgency.ROUTINE, false, 2, 0)),
                        List.of(3L, 2L, 1L),
                        List.of("score 100.0 = key area (Wuhan) +100.0", "score 100.0 = key area (Wuhan) +100.0",
                                "score 100.0 = key area (Wuhan) +100.0")),
                Arguments.of("equal scores and cover: longer waiting, then need id", DefaultPriorityPolicy.weights(0, 50, 0, 0, 0),
                        List.of(need(9, null, Urgency.H72, false, 3, 1), need(4, null, Urgency.H72, false, 3, 1),
                                need(5, null, Urgency.H72, false, 3, 6)),
                        List.of(5L, 4L, 9L),
                        List.of("score 25.0 = urgency H72 +25.0", "score 25.0 = urgency H72 +25.0",
                                "score 25.0 = urgency H72 +25.0")),
                Arguments.of("all weights zero: only the tie-breakers", DefaultPriorityPolicy.weights(0, 0, 0, 0, 0),
                        List.of(need(1, "Hubei", Urgency.IMMEDIATE, true, 9, 0), need(2, null, Urgency.ROUTINE, false, 3, 0)),
                        List.of(2L, 1L),
                        List.of("score 0.0 = no weighted criteria", "score 0.0 = no weighted criteria")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void ordersAndExplainsAsTheTableSays(String name, Map<Criterion, Double> weights, List<NeedView> needs,
            List<Long> expectedOrder, List<String> expectedReasons) {
        List<RankedNeed> ranked = DefaultPriorityPolicy.weighted(weights).rank(needs, NOW);
        assertThat(ranked).extracting(r -> r.need().id()).containsExactlyElementsOf(expectedOrder);
        assertThat(ranked).extracting(RankedNeed::reason).containsExactlyElementsOf(expectedReasons);
        assertThat(ranked).extracting(RankedNeed::rank).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, needs.size()).boxed().toArray(Integer[]::new));
        List<NeedView> reversed = new ArrayList<>(needs);
        Collections.reverse(reversed);
        assertThat(DefaultPriorityPolicy.weighted(weights).rank(reversed, NOW)).extracting(r -> r.need().id())
                .containsExactlyElementsOf(expectedOrder);
    }

    @Test
    void everyComponentOfTheDefaultWeightsIsInTheReasonAndTheSortKey() {
        RankedNeed r = DefaultPriorityPolicy.weighted(DEFAULTS).rank(List.of(need(1, "Hubei", Urgency.IMMEDIATE, true, 2, 3)),
                NOW).get(0);
        assertThat(r.reason()).isEqualTo("score 187.7 = key area (Hubei) +100.0; urgency IMMEDIATE +50.0; "
                + "front line +30.0; 2 days of cover +6.7; waiting 3 d +1.0");
        assertThat(r.sortKey()).startsWith("S187.7|C0002|W").endsWith("#1");
    }

    static DefaultPriorityPolicy.Config config(String mode, String[] criteria, double... w) {
        return Configs.of(DefaultPriorityPolicy.Config.class, Map.of("mode", mode, "criteria", criteria,
                "weight_keyArea", w[0], "weight_urgency", w[1], "weight_frontLine", w[2], "weight_cover", w[3],
                "weight_waiting", w[4]));
    }

    /**
     * DS constructs the component through a public one-argument constructor it can fill; a public
     * {@code Map} constructor would be filled with the component properties (seen in Karaf: every weight 0).
     */
    @Test
    void dsCanOnlyActivateThroughTheConfigurationConstructor() {
        List<Class<?>> oneArgument = Stream.of(DefaultPriorityPolicy.class.getConstructors())
                .filter(c -> c.getParameterCount() == 1).<Class<?>>map(c -> c.getParameterTypes()[0]).toList();
        assertThat(oneArgument).contains(DefaultPriorityPolicy.Config.class)
                .noneMatch(t -> Map.class.isAssignableFrom(t) || t == org.osgi.framework.BundleContext.class);
        assertThat(new DefaultPriorityPolicy(config("", new String[] {"keyArea"}, 1, 1, 1, 1, 1)).mode())
                .isEqualTo(Mode.LEXICOGRAPHIC);
    }

    @Test
    void theConfigurationChoosesTheModeLiveAndRefusesNonsense() {
        String[] criteria = {"keyArea", "urgency"};
        DefaultPriorityPolicy policy = new DefaultPriorityPolicy(config("lexicographic", criteria, 60, 50, 30, 0, 0));
        List<NeedView> needs = List.of(need(1, "Hubei", Urgency.ROUTINE, false, 1, 0),
                need(2, null, Urgency.IMMEDIATE, true, 1, 0));
        assertThat(policy.mode()).isEqualTo(Mode.LEXICOGRAPHIC);
        assertThat(policy.rank(needs, NOW)).extracting(r -> r.need().id()).containsExactly(1L, 2L);
        assertThat(policy.rank(needs, NOW).get(0).reason()).isEqualTo("key area (Hubei); urgency ROUTINE");

        policy.modified(config(" Weighted ", criteria, 60, 50, 30, 0, 0));
        assertThat(policy.mode()).isEqualTo(Mode.WEIGHTED);
        assertThat(policy.rank(needs, NOW)).extracting(r -> r.need().id()).containsExactly(2L, 1L);

        assertThatThrownBy(() -> DefaultPriorityPolicy.settings(config("fuzzy", criteria, 1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fuzzy");
        assertThatThrownBy(() -> DefaultPriorityPolicy.settings(config("weighted", criteria, 1, -1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URGENCY");
        assertThatThrownBy(() -> DefaultPriorityPolicy.settings(config("weighted", criteria, Double.NaN, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KEY_AREA");
    }
}
