package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.testing.OutOfScope;

/**
 * Ids named in the body of a need, a plan or a mutual-aid offer: another province's unit or depot answers
 * exactly like an unknown one (404 naming the field, nothing but the field and the id in the detail).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfScopeIdsTest {
    private final Fixture f = new Fixture();
    private final long kn95 = f.item("MASK-KN95");
    private final long jsProv = f.depot("JS-PROV-01");
    private final long station = f.unit("P42-WUHAN-JIANGAN-T01");
    private final long nanjing = f.unit("P32-NANJING");

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void needsNamingAnotherProvincesUnitOrDepotAnswerLikeUnknownIds() {
        sameAsUnknown(nanjing, id -> f.needs.create(Fixture.HUBEI, new NewNeed(id, kn95, null, 1L, Urgency.H72, null,
                null, null, null, null), null));
        sameAsUnknown(jsProv, id -> f.needs.create(Fixture.HUBEI, new NewNeed(station, kn95, null, 1L, Urgency.H72,
                null, null, null, null, id), null));
    }

    @Test
    void plansAndOffersNamingAnotherProvincesDepotAnswerLikeUnknownIds() {
        sameAsUnknown(jsProv, id -> f.allocation.propose(Fixture.HUBEI, new PlanRequest(kn95, null, null, List.of(id),
                null), null));
        sameAsUnknown(jsProv, id -> f.allocation.offer(Fixture.HUBEI, new NewMutualAidOffer(id, kn95, 1L, "32", null),
                null));
        // a plan for another province: the same refusal for any code, naming none
        Throwable other = catchThrowable(() -> f.allocation.propose(Fixture.HUBEI, new PlanRequest(kn95, null, "32",
                null, null), null));
        Throwable unknown = catchThrowable(() -> f.allocation.propose(Fixture.HUBEI, new PlanRequest(kn95, null, "99",
                null, null), null));
        assertThat(other).isInstanceOf(AccessDeniedException.class).hasMessage(unknown.getMessage());
        assertThat(other.getMessage()).doesNotContain("32");
    }

    @Test
    void aProvinceOfficerListsOnlyItsProvincesKeyAreas() {
        f.needs.declareKeyArea(Fixture.ADMIN, new NewKeyArea(null, nanjing, null), null);
        f.needs.declareKeyArea(Fixture.ADMIN, new NewKeyArea("42", null, null), null);
        assertThat(f.needs.keyAreas(Fixture.ADMIN)).hasSize(2);
        assertThat(f.needs.keyAreas(Fixture.AUDITOR)).hasSize(2);
        assertThat(f.needs.keyAreas(Fixture.HUBEI)).extracting(KeyArea::provinceCode).containsExactly("42");
        assertThat(f.needs.keyAreas(Fixture.JIANGSU)).extracting(KeyArea::unitCode).containsExactly("P32-NANJING");
    }

    private void sameAsUnknown(long otherId, ThrowingConsumer<Long> write) {
        NotFoundException other = OutOfScope.sameAsUnknown("naming " + otherId, otherId, write);
        assertThat(other.field()).isNotNull();
        assertThat(other.getMessage()).doesNotContain("JS-").doesNotContain("P32");
    }
}
