package org.tongpao.core.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class sharing one {@link Fixture} with demo data among its test methods (they only read or add). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithDemoFixture {
    Fixture f;

    @BeforeAll
    void startFixture() {
        f = new Fixture(true);
    }

    @AfterAll
    void stopFixture() {
        f.close();
    }
}
