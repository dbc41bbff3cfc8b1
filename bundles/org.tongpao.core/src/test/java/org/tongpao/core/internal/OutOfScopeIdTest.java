package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.tongpao.core.Caller;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.testing.OutOfScope;

/**
 * An id the caller cannot see answers exactly what an id that does not exist answers: same exception, same
 * field, same message once the id is replaced, and no message names the other province's codes.
 */
class OutOfScopeIdTest extends WithDemoFixture {
    @Test
    void visibleAndVisibleFieldAnswerAMissingAndAnInvisibleRecordAlike() {
        Throwable missing = catchThrowable(() -> ScopeRules.visibleField(Optional.empty(), x -> true, "depotId", 5));
        Throwable hidden = catchThrowable(() -> ScopeRules.visibleField(Optional.of("JS-PROV-01"), x -> false,
                "depotId", 5));
        assertThat(hidden).isInstanceOf(NotFoundException.class).hasMessage(missing.getMessage())
                .hasMessage("depotId 5 not found");
        assertThat(((NotFoundException) hidden).field()).isEqualTo("depotId");
        assertThat(ScopeRules.visibleField(Optional.of("HB"), x -> true, "depotId", 5)).isEqualTo("HB");
        Throwable path = catchThrowable(() -> ScopeRules.visible(Optional.of("x"), x -> false, "Depot", 5));
        assertThat(path).hasMessage("Depot 5 not found");
        assertThat(((NotFoundException) path).field()).isNull();
    }

    @Test
    void namedInBodyTurnsALookupsNotFoundIntoTheFieldsAndCanTargetKeepsWithinTheSourceProvince() {
        Throwable e = catchThrowable(() -> ScopeRules.namedInBody("receivingDepotId", 9L,
                () -> f.depots.get(Fixture.HUBEI, f.depots.getByCode(Fixture.ADMIN, "JS-PROV-01").id())));
        assertThat(e).isInstanceOf(NotFoundException.class).hasMessage("receivingDepotId 9 not found");
        assertThat(((NotFoundException) e).field()).isEqualTo("receivingDepotId");
        assertThat(ScopeRules.namedInBody("x", 1, () -> "found")).isEqualTo("found");
        assertThat(ScopeRules.canTarget(Fixture.HUBEI, "42", "42")).isTrue();
        assertThat(ScopeRules.canTarget(Fixture.HUBEI, "42", "32")).isFalse();
        assertThat(ScopeRules.canTarget(Fixture.HUBEI, "42", null)).isFalse();
        assertThat(ScopeRules.canTarget(Fixture.KEEPER, "42", "42")).isTrue();
        assertThat(ScopeRules.canTarget(Fixture.OFFICER, "42", "32")).isTrue();
        assertThat(ScopeRules.canTarget(Fixture.ADMIN, "42", null)).isTrue();
    }

    @Test
    void unitWritesNamingAnotherProvincesUnitAnswerLikeAnUnknownId() {
        long nanjing = f.unit("P32-NANJING").id();
        long ministry = f.unit("MPS").id();
        sameAsUnknown(Fixture.HUBEI, nanjing, id -> f.units.create(Fixture.HUBEI, new NewOrgUnit("P42-LEAK-1", "x",
                null, OrgLevel.COUNTY, id, null, false), null));
        sameAsUnknown(Fixture.HUBEI, nanjing, id -> f.units.update(Fixture.HUBEI, id,
                new OrgUnitUpdate("x", null, false, 1L), null));
        sameAsUnknown(Fixture.HUBEI, nanjing, id -> f.units.deactivate(Fixture.HUBEI, id, null, null));
        // the level rule (ministry and provincial departments: ministry roles only) runs after visibility
        sameAsUnknown(Fixture.HUBEI, ministry, id -> f.units.update(Fixture.HUBEI, id,
                new OrgUnitUpdate("x", null, false, 1L), null));
        sameAsUnknown(Fixture.HUBEI, ministry, id -> f.units.create(Fixture.HUBEI, new NewOrgUnit("P42-LEAK-2", "x",
                null, OrgLevel.PREFECTURE, id, null, false), null));
    }

    @Test
    void depotWritesNamingAnotherProvincesDepotOrUnitAnswerLikeAnUnknownId() {
        long jsDepot = f.depots.getByCode(Fixture.ADMIN, "JS-PROV-01").id();
        sameAsUnknown(Fixture.HUBEI, jsDepot, id -> f.depots.update(Fixture.HUBEI, id,
                new DepotUpdate("x", null, 1L), null));
        sameAsUnknown(Fixture.HUBEI, jsDepot, id -> f.depots.deactivate(Fixture.HUBEI, id, null, null));
        sameAsUnknown(Fixture.HUBEI, f.unit("P32").id(), id -> f.depots.create(Fixture.HUBEI,
                new NewDepot("HB-LEAK-1", "x", id, null), null));
    }

    /** Runs the write with the other province's id and with an unknown id: both 404, alike but for the id. */
    private void sameAsUnknown(Caller caller, long otherProvinceId, ThrowingConsumer<Long> write) {
        NotFoundException other = OutOfScope.sameAsUnknown(caller.user() + " naming id " + otherProvinceId,
                otherProvinceId, write);
        assertThat(other.getMessage()).doesNotContain("JS-").doesNotContain("P32").doesNotContain("32 ")
                .doesNotContain("MPS");
        assertThat(other).isInstanceOf(TongpaoException.class);
    }
}
