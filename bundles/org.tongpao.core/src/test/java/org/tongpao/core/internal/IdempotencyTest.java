package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.internal.Fixture.ADMIN;
import static org.tongpao.core.internal.Fixture.OFFICER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewItem;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.ValidationException;

class IdempotencyTest {
    private final Fixture f = new Fixture(false);

    @AfterEach
    void close() {
        f.close();
    }

    private NewOrgUnit city(String name) {
        return new NewOrgUnit("P42-XIAOGAN", name, null, OrgLevel.PREFECTURE, f.unit("P42").id(), null, false);
    }

    @Test
    void repeatReturnsTheFirstResultAndCreatesNothing() {
        OrgUnit first = f.units.create(ADMIN, city("Xiaogan"), "create-xiaogan-1");
        long units = f.count("tp_org_unit");
        long audits = f.count("tp_audit");
        OrgUnit again = f.units.create(ADMIN, city("Xiaogan"), "create-xiaogan-1");
        assertThat(again).isEqualTo(first);
        assertThat(f.count("tp_org_unit")).isEqualTo(units);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
        assertThat(f.count("tp_idempotency")).isEqualTo(1);
        assertThat(f.outbox.events()).hasSize(1);
    }

    @Test
    void sameKeyDifferentRequestIsAConflict() {
        f.units.create(ADMIN, city("Xiaogan"), "k");
        var before = f.snapshot();
        assertThatThrownBy(() -> f.units.create(ADMIN, city("Xiaogan bureau"), "k"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Idempotency-Key reused with a different request");
        // the same key for another operation is a different request too
        long id = f.unit("P42-XIAOGAN").id();
        assertThatThrownBy(() -> f.units.deactivate(ADMIN, id, null, "k")).isInstanceOf(ConflictException.class);
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void keysAreScopedToTheActor() {
        var item = new NewItem("MASK-FFP2", "MASK", "FFP2 respirator", null, "piece", "EN 149", 36);
        long first = f.catalogue.create(ADMIN, item, "same").id();
        assertThatThrownBy(() -> f.catalogue.create(OFFICER, item, "same")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        assertThat(f.catalogue.create(ADMIN, item, "same").id()).isEqualTo(first);
    }

    @Test
    void repeatedUpdateIsNotStale() {
        var kn95 = f.catalogue.getByCode(ADMIN, "MASK-KN95");
        var update = new ItemUpdate("MASK", "KN95", null, "piece", "GB 2626-2019", 36, kn95.version());
        var first = f.catalogue.update(ADMIN, kn95.id(), update, "upd-1");
        var again = f.catalogue.update(ADMIN, kn95.id(), update, "upd-1");
        assertThat(again.version()).isEqualTo(first.version()).isEqualTo(kn95.version() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\tkey", "non-ascii-键",
        "x12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"})
    void malformedKeysAreRejected(String key) {
        var before = f.snapshot();
        assertThatThrownBy(() -> f.units.create(ADMIN, city("Xiaogan"), key))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void concurrentRepeatsProduceOneRow() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OrgUnit>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<OrgUnit> task = () -> {
                    start.await();
                    return f.units.create(ADMIN, city("Xiaogan"), "concurrent-key");
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<OrgUnit> r : results) {
                ids.add(r.get(60, TimeUnit.SECONDS).id());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(f.countSql("SELECT COUNT(*) FROM tp_org_unit WHERE code = 'P42-XIAOGAN'")).isEqualTo(1);
            assertThat(f.count("tp_idempotency")).isEqualTo(1);
            assertThat(f.countSql("SELECT COUNT(*) FROM tp_audit WHERE entity = 'orgunit' AND actor = 'admin'"))
                    .isEqualTo(1);
            assertThat(f.outbox.events()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
