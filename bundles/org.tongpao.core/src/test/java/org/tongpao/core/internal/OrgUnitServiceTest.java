package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tongpao.core.internal.Fixture.ADMIN;
import static org.tongpao.core.internal.Fixture.AUDITOR;
import static org.tongpao.core.internal.Fixture.HUBEI;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.Page;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditEntry;

class OrgUnitServiceTest {
    private final Fixture f = new Fixture(false);

    @AfterEach
    void close() {
        f.close();
    }

    private NewOrgUnit city(String code, long parentId) {
        return new NewOrgUnit(code, "Xiaogan Municipal Public Security Bureau", "孝感市公安局", OrgLevel.PREFECTURE,
                parentId, null, false);
    }

    @Test
    void createDerivesProvinceAndAuditsAndPostsEvent() {
        OrgUnit hubei = f.unit("P42");
        OrgUnit city = f.units.create(HUBEI, city("P42-XIAOGAN", hubei.id()), null);
        assertThat(city.provinceCode()).isEqualTo("42");
        assertThat(city.version()).isEqualTo(1);
        assertThat(city.active()).isTrue();
        assertThat(city.createdAt()).isNotNull();
        OrgUnit county = f.units.create(HUBEI, new NewOrgUnit("P42-XIAOGAN-XN", "Xiaonan District bureau", null,
                OrgLevel.COUNTY, city.id(), "42", false), null);
        assertThat(county.provinceCode()).isEqualTo("42");

        Page<AuditEntry> trail = f.audit.list(AUDITOR, "orgunit", Long.toString(city.id()), null, 10, null);
        assertThat(trail.items()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("CREATED");
            assertThat(a.actor()).isEqualTo("hubei");
            assertThat(a.role()).isEqualTo("province-officer");
            assertThat(a.node()).isEqualTo("central");
            assertThat(a.requestId()).isEqualTo("req-hubei");
            assertThat(a.beforeJson()).isNull();
            assertThat(a.afterJson()).contains("\"code\":\"P42-XIAOGAN\"");
        });
        assertThat(f.outbox.events()).extracting(e -> e.getTopic())
                .containsExactly(CoreTopics.ORG_UNIT + "CREATED", CoreTopics.ORG_UNIT + "CREATED");
        assertThat(f.outbox.events().get(0).getProperty("id")).isEqualTo(city.id());
        assertThat(f.outbox.events().get(0).getProperty("provinceCode")).isEqualTo("42");
    }

    @Test
    void updateIsVersionedAndAuditedWithBeforeAndAfter() throws Exception {
        OrgUnit city = f.units.create(ADMIN, city("P42-XIAOGAN", f.unit("P42").id()), null);
        OrgUnit updated = f.units.update(ADMIN, city.id(), new OrgUnitUpdate("Xiaogan bureau", "孝感", true, 1L), null);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.frontLine()).isTrue();
        assertThat(updated.name()).isEqualTo("Xiaogan bureau");
        // a missing frontLine keeps the current value
        assertThat(f.units.update(ADMIN, city.id(), new OrgUnitUpdate("Xiaogan bureau", "孝感", null, 2L), null)
                .frontLine()).isTrue();

        var before = f.snapshot();
        assertThatThrownBy(() -> f.units.update(ADMIN, city.id(), new OrgUnitUpdate("Stale", null, false, 1L), null))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("version 3");
        assertThat(f.snapshot()).isEqualTo(before);

        AuditEntry change = f.audit.list(ADMIN, "orgunit", Long.toString(city.id()), null, 10, null).items().get(1);
        assertThat(change.action()).isEqualTo("UPDATED");
        JsonNode b = Json.mapper().readTree(change.beforeJson());
        JsonNode a = Json.mapper().readTree(change.afterJson());
        assertThat(b.get("name").asText()).isEqualTo("Xiaogan Municipal Public Security Bureau");
        assertThat(a.get("name").asText()).isEqualTo("Xiaogan bureau");
        assertThat(a.get("version").asLong()).isEqualTo(2);
        assertThat(f.audit.list(ADMIN, "orgunit", Long.toString(city.id()), null, 10, null).items()).hasSize(3);
    }

    @Test
    void rulesOfTheTree() {
        long p42 = f.unit("P42").id();
        long ministry = f.unit("MPS").id();
        var before = f.snapshot();
        // level must be exactly one below the parent
        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("P42-X", "x", null, OrgLevel.COUNTY, p42,
                null, false), null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("level"));
        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("X1", "x", null, OrgLevel.PREFECTURE,
                ministry, null, false), null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("level"));
        // bad code
        assertThatThrownBy(() -> f.units.create(ADMIN, city("p42-lower", p42), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> f.units.create(ADMIN, city("X", p42), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("code"));
        // unknown province
        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("P99", "Nowhere", null, OrgLevel.PROVINCE,
                ministry, "99", false), null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("provinceCode"));
        // province mismatch with the parent
        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("P42-Y", "y", null, OrgLevel.PREFECTURE, p42,
                "32", false), null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("provinceCode"));
        // missing or unknown parent
        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("P42-Z", "z", null, OrgLevel.PREFECTURE, null,
                null, false), null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("parentId"));
        assertThatThrownBy(() -> f.units.create(ADMIN, city("P42-Z", 999_999), null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("parentId"));
        // only one ministry
        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("MPS2", "Another", null, OrgLevel.MINISTRY,
                null, null, false), null)).isInstanceOf(ConflictException.class);
        // duplicate code
        assertThatThrownBy(() -> f.units.create(ADMIN, city("P32", p42), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        // nothing half-written: no unit, no audit row, no idempotency record
        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.outbox.events()).isEmpty();
    }

    @Test
    void rejectedWriteWithIdempotencyKeyKeepsOnlyItsRefusal() {
        long p42 = f.unit("P42").id();
        var before = f.snapshot();
        NewOrgUnit bad = new NewOrgUnit("P42-X", "x", null, OrgLevel.COUNTY, p42, null, false);
        var refusal = catchThrowableOfType(ValidationException.class, () -> f.units.create(ADMIN, bad, "key-1"));
        // nothing written but the key's record of the refusal
        assertThat(f.snapshot()).isEqualTo(List.of(before.get(0), before.get(1), before.get(2), before.get(3),
                before.get(4) + 1, before.get(5)));
        // a repeat gets the same refusal; the key stays bound to that request, a new key works
        assertThatThrownBy(() -> f.units.create(ADMIN, bad, "key-1")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(List.of(e.field(), e.getMessage())).isEqualTo(List.of(refusal.field(),
                        refusal.getMessage())));
        assertThatThrownBy(() -> f.units.create(ADMIN, city("P42-XIAOGAN", p42), "key-1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("different request");
        assertThat(f.units.create(ADMIN, city("P42-XIAOGAN", p42), "key-2").code()).isEqualTo("P42-XIAOGAN");
    }

    @Test
    void deactivateRefusesActiveChildrenAndDepots() {
        OrgUnit city = f.units.create(ADMIN, city("P42-XIAOGAN", f.unit("P42").id()), null);
        OrgUnit county = f.units.create(ADMIN, new NewOrgUnit("P42-XIAOGAN-XN", "Xiaonan", null, OrgLevel.COUNTY,
                city.id(), null, false), null);
        var depot = f.depots.create(ADMIN, new NewDepot("HB-XG-01", "Xiaogan store", city.id(), null), null);

        var before = f.snapshot();
        assertThatThrownBy(() -> f.units.deactivate(ADMIN, city.id(), null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("child");
        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.units.get(ADMIN, city.id()).active()).isTrue();

        f.units.deactivate(ADMIN, county.id(), county.version(), null);
        assertThatThrownBy(() -> f.units.deactivate(ADMIN, city.id(), null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("depot");
        f.depots.deactivate(ADMIN, depot.id(), null, null);
        assertThatThrownBy(() -> f.units.deactivate(ADMIN, city.id(), 99L, null))
                .isInstanceOf(StaleVersionException.class);
        OrgUnit off = f.units.deactivate(ADMIN, city.id(), 1L, null);
        assertThat(off.active()).isFalse();
        assertThat(off.version()).isEqualTo(2);
        // an inactive parent takes no new children
        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("P42-XIAOGAN-YC", "Yingcheng", null,
                OrgLevel.COUNTY, city.id(), null, false), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("parentId"));
        // a second deactivation changes nothing
        long audits = f.count("tp_audit");
        assertThat(f.units.deactivate(ADMIN, city.id(), null, null).version()).isEqualTo(2);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
        assertThat(f.outbox.events()).extracting(e -> e.getTopic()).endsWith(CoreTopics.ORG_UNIT + "DEACTIVATED");
    }

    @Test
    void listFiltersAndPages() {
        Page<OrgUnit> provinces = f.units.list(ADMIN, new OrgUnitFilter(null, null, OrgLevel.PROVINCE, true, null),
                500, null);
        assertThat(provinces.items()).hasSize(31);
        assertThat(provinces.nextCursor()).isNull();
        assertThat(f.units.list(ADMIN, new OrgUnitFilter(null, null, null, null, "hubei"), 50, null).items())
                .extracting(OrgUnit::code).containsExactly("P42");
        assertThat(f.units.list(ADMIN, new OrgUnitFilter(null, null, null, null, "湖北"), 50, null).items())
                .extracting(OrgUnit::code).containsExactly("P42");
        assertThat(f.units.list(ADMIN, new OrgUnitFilter("32", null, null, null, null), 50, null).items())
                .extracting(OrgUnit::code).containsExactly("P32");
        assertThat(f.units.list(ADMIN, new OrgUnitFilter(null, f.unit("MPS").id(), null, null, null), 50, null)
                .items()).hasSize(31);
        // percent and underscore are literal in q
        assertThat(f.units.list(ADMIN, new OrgUnitFilter(null, null, null, null, "%"), 50, null).items()).isEmpty();

        java.util.Set<Long> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<OrgUnit> page = f.units.list(ADMIN, OrgUnitFilter.all(), 10, cursor);
            page.items().forEach(u -> assertThat(seen.add(u.id())).isTrue());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(32);
        assertThat(pages).isEqualTo(4);

        assertThatThrownBy(() -> f.units.list(ADMIN, OrgUnitFilter.all(), 0, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> f.units.list(ADMIN, OrgUnitFilter.all(), 501, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> f.units.list(ADMIN, OrgUnitFilter.all(), 10, "not-a-cursor!"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> f.units.list(ADMIN, new OrgUnitFilter("99", null, null, null, null), 10, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("province"));
        assertThatThrownBy(() -> f.units.get(ADMIN, 999_999)).isInstanceOf(NotFoundException.class);
    }
}
