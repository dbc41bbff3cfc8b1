package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.NewCensus;

/** The census across nodes: opened from another node's census, answered by a province's own install. */
class CensusAnswersTest extends WithFixture implements org.tongpao.core.testing.TestCallers {
    private static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "fed-42");

    @Test
    void aCensusOpenedElsewhereIsOpenedOnceAndItsSubmissionsCarryTheirFigures() {
        Instant past = f.clock.now.minus(Duration.ofHours(1));
        Census c = f.inventory.openReplica(ADMIN, "central/17", new NewCensus("Reserves", List.of("MASK"), past));
        assertThat(c.source()).isEqualTo("central/17");
        assertThat(f.inventory.openReplica(ADMIN, "central/17", new NewCensus("Reserves", List.of("MASK"), past)).id())
                .isEqualTo(c.id());
        assertThat(f.count("tp_inv_census")).isEqualTo(1);
        Event opened = f.events(InventoryTopics.CENSUS_OPENED).get(0);
        assertThat(opened.getProperty("source")).isEqualTo("central/17");
        assertThat(opened.getProperty("categories")).isEqualTo("MASK");
        assertThatThrownBy(() -> f.inventory.openReplica(HUBEI, "central/18", new NewCensus("x", List.of("MASK"), past)))
                .isInstanceOf(AccessDeniedException.class);

        f.receive(f.wuhan, f.kn95, 120, Fixture.TODAY.plusYears(1));
        f.inventory.submit(HUBEI, c.id(), null, new CensusSubmission(List.of(
                new CensusSubmission.Declared("MASK", 40L, "in hospitals"))), null);
        Event submitted = f.events(InventoryTopics.CENSUS_SUBMITTED).get(0);
        assertThat(submitted.getProperty("source")).isEqualTo("central/17");
        assertThat(submitted.getProperty("submittedAt")).isEqualTo(f.clock.now);
        assertThat(submitted.getProperty("submittedBy")).isEqualTo("hubei");
        assertThat(submitted.getProperty("system")).isEqualTo(Map.of("MASK", 120L));
        assertThat(submitted.getProperty("declared")).isEqualTo(List.of(Map.of("categoryCode", "MASK", "quantity", 40L,
                "note", "in hospitals")));
    }

    @Test
    void answersFromAProvincesInstallAreRecordedAsTheyStandOrderedByWhenSubmitted() {
        Instant deadline = f.clock.now.plus(Duration.ofDays(1));
        Census c = f.inventory.open(ADMIN, new NewCensus("Reserves", List.of("MASK", "FIELD"), deadline), null);
        assertThat(f.events(InventoryTopics.CENSUS_OPENED).get(0).getPropertyNames()).doesNotContain("source");
        Instant first = f.clock.now.plus(Duration.ofHours(2));
        Instant second = f.clock.now.plus(Duration.ofHours(3));
        // they arrive after the deadline, the newer one first
        f.clock.now = deadline.plus(Duration.ofHours(5));
        f.inventory.recordAnswer(HUBEI_LINK, c.id(), answer(2, second, Map.of("MASK", 900L)));
        Census view = f.inventory.recordAnswer(HUBEI_LINK, c.id(), answer(1, first, Map.of("MASK", 500L, "FIELD", 3L)));

        Census.ProvinceReport hubei = view.provinces().stream().filter(p -> p.provinceCode().equals("42")).findFirst()
                .orElseThrow();
        assertThat(hubei.status()).isEqualTo("REPORTED");
        assertThat(hubei.version()).isEqualTo(2);
        assertThat(hubei.submittedAt()).isEqualTo(second);
        assertThat(hubei.node()).isEqualTo("province:42");
        assertThat(hubei.receivedAt()).isEqualTo(f.clock.now);
        assertThat(hubei.ageSeconds()).isEqualTo(Duration.between(second, f.clock.now).getSeconds());
        assertThat(view.totals()).containsExactly(new Census.Total("42", "MASK", 900, 40));

        long rows = f.count("tp_inv_census_submission");
        f.inventory.recordAnswer(HUBEI_LINK, c.id(), answer(2, second, Map.of("MASK", 900L)));
        assertThat(f.count("tp_inv_census_submission")).isEqualTo(rows);
        assertThat(f.events(InventoryTopics.CENSUS_SUBMITTED)).hasSize(2);

        Instant late = deadline.plus(Duration.ofHours(1));
        f.inventory.recordAnswer(HUBEI_LINK, c.id(), answer(3, late, Map.of()));
        assertThat(f.inventory.get(ADMIN, c.id()).provinces().stream().filter(p -> p.provinceCode().equals("42"))
                .findFirst().orElseThrow().status()).isEqualTo("REPORTED_LATE");
    }

    @Test
    void aProvincesLinkCannotAnswerForAnotherProvinceNorOutsideTheCensus() {
        Census c = f.inventory.open(ADMIN, new NewCensus("Reserves", List.of("MASK"), f.clock.now.plus(Duration.ofDays(1))),
                null);
        CensusAnswer forJiangsu = new CensusAnswer("province:42", "32", 1, f.clock.now, "hubei", Map.of("MASK", 1L),
                List.of());
        assertThatThrownBy(() -> f.inventory.recordAnswer(HUBEI_LINK, c.id(), forJiangsu))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.inventory.recordAnswer(HUBEI_LINK, c.id(), answer(1, f.clock.now, Map.of("FIELD", 1L))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("system"));
        assertThat(f.count("tp_inv_census_submission")).isZero();
    }

    private static CensusAnswer answer(int version, Instant at, Map<String, Long> system) {
        return new CensusAnswer("province:42", "42", version, at, "hubei", system,
                List.of(new CensusSubmission.Declared("MASK", 40L, null)));
    }
}
