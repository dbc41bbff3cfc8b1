package org.tongpao.allocation.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test over a fresh {@link Fixture}, with the seeded item, depots and unit the allocation tests share. */
abstract class FixtureTest {
    Fixture f;
    long kn95;
    long central;
    long hbProv;
    long hbWh;
    long jsProv;
    long station;

    /** The fixture this test runs on (a fake or the real inventory). */
    abstract Fixture fixture();

    @BeforeEach
    void seededPlaces() {
        f = fixture();
        kn95 = f.item("MASK-KN95");
        central = f.depot("CENTRAL-RESERVE");
        hbProv = f.depot("HB-PROV-01");
        hbWh = f.depot("HB-WH-01");
        jsProv = f.depot("JS-PROV-01");
        station = f.unit("P42-WUHAN-JIANGAN-T01");
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
