package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.internal.Fixture.ADMIN;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.IdempotencyKeys.Answer;
import org.tongpao.core.persistence.IdempotencyKeys.Answered;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;

/**
 * A keyed request in one commit ({@code IdempotencyKeys.answered}): the claim, the write, its outcome and the first
 * answer commit together or not at all; a refusal is kept; a repeat and a concurrent copy get the first result.
 */
class IdempotencyAnsweredTest {
    private static final Answer CREATED = new Answer(201, "application/json", "http://h/api/v1/test/x", "{\"id\":1}");

    private final Fixture f = new Fixture(false);
    private final JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(f.db,
            new MovableClock(Instant.parse("2026-02-01T09:00:00Z")), Duration.ofSeconds(60), Duration.ofSeconds(20));
    private final AtomicInteger writes = new AtomicInteger();

    @AfterEach
    void close() {
        f.close();
    }

    /** A service's keyed write, as the resource method calls it: one audit row. */
    private Ref write(String key, String id) {
        return keys.execute(f.ds, ADMIN, key, "test.create", Map.of("q", 1), c -> {
            writes.incrementAndGet();
            f.audit.record(c, ADMIN, "test", id, "CREATE", null, Map.of("id", id));
            return new Ref("test", id);
        }).ref();
    }

    private long keyRows(String key) {
        return f.countSql("SELECT COUNT(*) FROM tp_idempotency WHERE idem_key = '" + key + "'");
    }

    @Test
    void theWriteAndItsAnswerCommitTogether() throws Exception {
        long audits = f.count("tp_audit");
        Answered<Ref> done = keys.answered(ADMIN, "a-1", "create", () -> write("a-1", "x"), ref -> CREATED);
        assertThat(done.result()).isEqualTo(new Ref("test", "x"));
        assertThat(done.answer()).isEqualTo(CREATED);
        assertThat(f.count("tp_audit")).isEqualTo(audits + 1);
        assertThat(keys.answer(ADMIN, "a-1", null)).contains(CREATED);
        assertThat(f.countSql("SELECT COUNT(*) FROM tp_idempotency WHERE idem_key = 'a-1' AND state = 'DONE'"))
                .isEqualTo(1);
    }

    @Test
    void aKeyedWriteWithItsAnswerIsOneCommitWhereItWasThree() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        DataSource counted = countingCommits(f.ds, commits);
        JdbcIdempotencyKeys countedKeys = new JdbcIdempotencyKeys(new TestCore(counted, f.node).seed,
                new MovableClock(Instant.parse("2026-02-01T09:00:00Z")), Duration.ofSeconds(60), Duration.ofSeconds(20));
        Transactions.Work<Ref> write = c -> {
            f.audit.record(c, ADMIN, "test", "w", "CREATE", null, Map.of("id", "w"));
            return new Ref("test", "w");
        };
        commits.set(0); // the seeding's own
        // before: the claim, the write with the key's outcome, then the answer, each committed on its own
        countedKeys.execute(counted, ADMIN, "one-0", "test.create", Map.of(), write);
        countedKeys.answer(ADMIN, "one-0", CREATED);
        assertThat(commits.getAndSet(0)).isEqualTo(3);
        Answered<Ref> done = countedKeys.answered(ADMIN, "one-1", "create",
                () -> countedKeys.execute(counted, ADMIN, "one-1", "test.create", Map.of(), write).ref(), ref -> CREATED);
        assertThat(done.answer()).isEqualTo(CREATED);
        assertThat(commits.get()).isEqualTo(1);
    }

    /** {@code ds} whose connections count their commits. */
    private static DataSource countingCommits(DataSource ds, AtomicInteger commits) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    // the kit finds a joined transaction by its DataSource: equal to itself only, as the real one
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    Object result = invoke(ds, method, args);
                    if (!(result instanceof Connection c)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("commit")) {
                                    commits.incrementAndGet();
                                }
                                return invoke(c, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void anAnswerThatCannotBeStoredLeavesNoWriteNoClaimAndNoAnswer() throws Exception {
        // a crash between the write and its answer: both are one transaction, so the write goes with the answer
        long audits = f.count("tp_audit");
        assertThatThrownBy(() -> keys.answered(ADMIN, "a-2", "create", () -> write("a-2", "x"), ref -> {
            throw new IllegalStateException("the answer could not be written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(writes).hasValue(1);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
        assertThat(keyRows("a-2")).isZero();
        assertThat(f.count("tp_idempotency_answer")).isZero();
        // the key is free: the retry runs the write, once
        assertThat(keys.answered(ADMIN, "a-2", "create", () -> write("a-2", "y"), ref -> CREATED).answer())
                .isEqualTo(CREATED);
        assertThat(f.count("tp_audit")).isEqualTo(audits + 1);
    }

    @Test
    void anAnswerRowTheDatabaseRefusesRollsTheWriteBack() throws Exception {
        long audits = f.count("tp_audit");
        // a Location longer than its column (2,000): the answer's own UPDATE fails inside the write's transaction
        assertThatThrownBy(() -> keys.answered(ADMIN, "a-3", "create", () -> write("a-3", "x"),
                ref -> new Answer(201, "application/json", "l".repeat(70_000), "{}")))
                .isInstanceOf(RuntimeException.class);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
        assertThat(keyRows("a-3")).isZero();
    }

    @Test
    void aRefusalIsKeptAndThrownAfterItsCommit() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> keys.answered(ADMIN, "r-1", "create", () -> keys.execute(f.ds, ADMIN, "r-1",
                    "test.create", Map.of(), c -> {
                        writes.incrementAndGet();
                        throw new ConflictException("quantity", "Not enough available stock");
                    }).ref(), ref -> CREATED)).isInstanceOf(ConflictException.class)
                    .hasMessage("Not enough available stock");
        }
        assertThat(writes).hasValue(1);
        assertThat(f.countSql("SELECT COUNT(*) FROM tp_idempotency WHERE idem_key = 'r-1' AND state = 'FAILED'"))
                .isEqualTo(1);
    }

    @Test
    void aRepeatRunsNothingAndStoresNothing() throws Exception {
        keys.answered(ADMIN, "p-1", "create", () -> write("p-1", "x"), ref -> CREATED);
        Answered<Ref> again = keys.answered(ADMIN, "p-1", "create", () -> write("p-1", "other"), ref -> {
            throw new AssertionError("a repeat's answer is the stored one");
        });
        assertThat(again.result()).isEqualTo(new Ref("test", "x"));
        assertThat(again.answer()).isNull();
        assertThat(writes).hasValue(1);
        assertThat(keys.answer(ADMIN, "p-1", null)).contains(CREATED);
    }

    @Test
    void aConcurrentCopyGetsTheFirstResultAndWritesNothing() throws Exception {
        CountDownLatch inWrite = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Ref> first = CompletableFuture.supplyAsync(() -> answered("c-1", () -> {
            Ref ref = write("c-1", "first");
            inWrite.countDown();
            finish.await(10, TimeUnit.SECONDS);
            return ref;
        }));
        assertThat(inWrite.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Ref> copy = CompletableFuture.supplyAsync(() -> answered("c-1", () -> write("c-1", "copy")));
        finish.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(new Ref("test", "first"));
        assertThat(copy.get(20, TimeUnit.SECONDS)).isEqualTo(new Ref("test", "first"));
        assertThat(writes).hasValue(1);
        assertThat(keyRows("c-1")).isEqualTo(1);
    }

    @Test
    void anEnclosingWriteInsideJoinsTheOneTransaction() throws Exception {
        long audits = f.count("tp_audit");
        assertThatThrownBy(() -> keys.answered(ADMIN, "e-1", "create", () -> keys.executeEnclosing(f.ds, ADMIN,
                "e-1", "test.create", Map.of(), c -> {
                    f.audit.record(c, ADMIN, "test", "e", "CREATE", null, Map.of("id", "e"));
                    return new Ref("test", "e");
                }), ref -> {
                    throw new IllegalStateException("no answer");
                })).isInstanceOf(IllegalStateException.class).hasMessage("no answer");
        assertThat(f.count("tp_audit")).isEqualTo(audits);
        assertThatThrownBy(() -> Transactions.enclosing(f.ds, "outer", c -> Transactions.enclosing(f.ds, "inner",
                d -> 1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not nest");
    }

    private Ref answered(String key, org.tongpao.core.persistence.IdempotencyKeys.Call<Ref> call) {
        try {
            return keys.answered(ADMIN, key, "create", call, ref -> CREATED).result();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
