package org.tongpao.inventory.internal;

import org.junit.jupiter.api.AfterEach;

/** A test class with a fresh {@link Fixture} per test method, closed after it. */
abstract class WithFixture {
    final Fixture f = new Fixture();

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
