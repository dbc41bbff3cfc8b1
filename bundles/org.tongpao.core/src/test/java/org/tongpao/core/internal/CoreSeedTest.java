package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.persistence.Migrations;

class CoreSeedTest {

    @Test
    void migrationsApplyOnceAndAreIdempotent() {
        try (Fixture f = new Fixture(false)) {
            assertThat(Migrations.migrate(f.ds, CoreSchema.class, CoreSchema.MIGRATIONS, CoreSchema.HISTORY_TABLE))
                    .isZero();
            assertThat(f.countSql("SELECT COUNT(*) FROM \"tp_core_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '1'")).isEqualTo(1);
        }
    }

    @Test
    void seedsMinistryProvincesAndCatalogueWithoutDemoData() {
        try (Fixture f = new Fixture(false)) {
            assertThat(f.count("tp_org_unit")).isEqualTo(32);
            assertThat(f.count("tp_category")).isEqualTo(8);
            assertThat(f.count("tp_item")).isEqualTo(17);
            assertThat(f.count("tp_depot")).isZero();
            OrgUnit ministry = f.unit("MPS");
            assertThat(ministry.level()).isEqualTo(OrgLevel.MINISTRY);
            assertThat(ministry.provinceCode()).isNull();
            assertThat(ministry.nameZh()).isEqualTo("装备财务局");
            OrgUnit hubei = f.unit("P42");
            assertThat(hubei.name()).isEqualTo("Hubei Provincial Public Security Department");
            assertThat(hubei.nameZh()).isEqualTo("湖北省公安厅");
            assertThat(hubei.parentId()).isEqualTo(ministry.id());
            assertThat(hubei.provinceCode()).isEqualTo("42");
            assertThat(f.unit("P11").nameZh()).isEqualTo("北京市公安局");
            assertThat(f.unit("P65").name()).isEqualTo("Xinjiang Autonomous Region Public Security Department");
            assertThat(f.catalogue.getByCode(Fixture.ADMIN, "MASK-KN95").standard()).isEqualTo("GB 2626-2019");
            assertThat(f.catalogue.getByCode(Fixture.ADMIN, "FIELD-TENT").shelfLifeMonths()).isNull();
            // every seeded record is audited
            assertThat(f.count("tp_audit")).isEqualTo(32 + 8 + 17);
        }
    }

    @Test
    void demoSeedAddsDemoUnitsAndDepots() {
        try (Fixture f = new Fixture(true)) {
            assertThat(f.count("tp_org_unit")).isEqualTo(36);
            assertThat(f.count("tp_depot")).isEqualTo(4);
            OrgUnit station = f.unit("P42-WUHAN-JIANGAN-T01");
            assertThat(station.level()).isEqualTo(OrgLevel.STATION);
            assertThat(station.frontLine()).isTrue();
            assertThat(station.provinceCode()).isEqualTo("42");
            assertThat(f.unit("P32-NANJING").provinceCode()).isEqualTo("32");
            assertThat(f.depots.getByCode(Fixture.ADMIN, "CENTRAL-RESERVE").provinceCode()).isNull();
            assertThat(f.depots.getByCode(Fixture.ADMIN, "HB-WH-01").orgUnitId()).isEqualTo(f.unit("P42-WUHAN").id());
            assertThat(f.depots.getByCode(Fixture.ADMIN, "JS-PROV-01").provinceCode()).isEqualTo("32");
        }
    }

    @Test
    void restartAddsNothingAndKeepsEdits() {
        try (Fixture f = new Fixture(true)) {
            var kn95 = f.catalogue.getByCode(Fixture.ADMIN, "MASK-KN95");
            f.catalogue.update(Fixture.ADMIN, kn95.id(), new org.tongpao.core.ItemUpdate("MASK", "KN95 renamed",
                    kn95.nameZh(), "piece", kn95.standard(), 30, kn95.version()), null);
            var before = f.snapshot();
            new CoreSeed(Fixture.migrated(f.ds), f.node, f.provinces);
            new CoreSeed(Fixture.migrated(f.ds), f.node, f.provinces);
            assertThat(f.snapshot()).isEqualTo(before);
            assertThat(f.catalogue.getByCode(Fixture.ADMIN, "MASK-KN95").name()).isEqualTo("KN95 renamed");
        }
    }
}
