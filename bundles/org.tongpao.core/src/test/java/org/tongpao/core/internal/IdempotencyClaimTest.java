package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.internal.Fixture.ADMIN;
import static org.tongpao.core.internal.Fixture.OFFICER;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.IdempotencyKeyInProgressException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Answer;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.IdempotencyKeys.Use;
import org.tongpao.core.persistence.Transactions;

/** The life of a key: claimed on its own, settled with the write, waited for, taken over after a crash. */
class IdempotencyClaimTest {
    private final Fixture f = new Fixture(false);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-02-01T09:00:00Z"));
    private final JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(f.db, clock, Duration.ofSeconds(60),
            Duration.ofMillis(200));
    private final AtomicInteger writes = new AtomicInteger();

    @AfterEach
    void close() {
        f.close();
    }

    private Transactions.Work<Ref> auditWrite(String id) {
        return c -> {
            writes.incrementAndGet();
            f.audit.record(c, ADMIN, "test", id, "CREATE", null, Map.of("id", id));
            return new Ref("test", id);
        };
    }

    @Test
    void aCopyWaitingForTheFirstGetsItsRefusalAndRunsNothing() throws Exception {
        long audits = f.count("tp_audit");
        CountDownLatch inWrite = new CountDownLatch(1);
        CountDownLatch refuse = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> keys.execute(f.ds, ADMIN, "k", "op",
                Map.of("q", 20), c -> {
                    writes.incrementAndGet();
                    inWrite.countDown();
                    refuse.await(10, TimeUnit.SECONDS);
                    throw new ConflictException("Not enough available stock: requested 20, available 6");
                }));
        assertThat(inWrite.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> copy = CompletableFuture.supplyAsync(() -> keys.execute(f.ds, ADMIN, "k", "op",
                Map.of("q", 20), auditWrite("copy")));
        refuse.countDown();
        for (CompletableFuture<Object> answer : List.of(first, copy)) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class)
                    .hasRootCauseMessage("Not enough available stock: requested 20, available 6");
        }
        assertThat(writes).hasValue(1);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
    }

    @Test
    void aRefusalIsStoredWithItsFieldAndRepeated() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "v", "op", Map.of(), c -> {
                writes.incrementAndGet();
                throw new ValidationException("quantity", "quantity must be positive");
            })).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo("quantity");
                assertThat(e).hasMessage("quantity must be positive");
            });
        }
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "c", "op", Map.of(), c -> {
                throw new ConflictException("depotId", "depot HB-WH-01's ledger is kept by node province:42");
            })).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("depotId"));
        }
        assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "n", "op", Map.of(), c -> {
            throw new NotFoundException("lot", 7);
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "n", "op", Map.of(), auditWrite("n")))
                .isInstanceOf(NotFoundException.class).hasMessage("lot 7 not found");
        assertThat(writes).hasValue(1);
    }

    @Test
    void aStaleVersionIsNotKeptSoTheKeyCarriesTheRequestMadeAfterReadingAgain() {
        // a draft changed under If-Match 3 while it is at 4: 412, nothing written; the same request meets it again
        // (not a stored 409), and once read again the request with version 4 runs under the same key, once
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "edit", "order.update:7", List.of(3), c -> {
                writes.incrementAndGet();
                throw new StaleVersionException("purchase-order", "PO-7", 3, 4);
            })).isInstanceOf(StaleVersionException.class);
        }
        assertThat(writes).hasValue(2);
        assertThat(keys.answer(ADMIN, "edit", new Answer(412, "application/problem+json", null, "{}"))).isEmpty();
        IdempotencyKeys.Outcome ran = keys.execute(f.ds, ADMIN, "edit", "order.update:7", List.of(4), auditWrite("e"));
        assertThat(ran).isEqualTo(new IdempotencyKeys.Outcome(new Ref("test", "e"), false));
        assertThat(keys.execute(f.ds, ADMIN, "edit", "order.update:7", List.of(4), auditWrite("again")))
                .isEqualTo(new IdempotencyKeys.Outcome(new Ref("test", "e"), true));
        assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "edit", "order.update:7", List.of(3), auditWrite("x")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("different request");
        assertThat(writes).hasValue(3);
        assertThat(JdbcIdempotencyKeys.clientErrorKind(new ConflictException("status", "submitted")))
                .isEqualTo("conflict");
    }

    @Test
    void aKeyABundleDerivedForItsOwnStepDoesNotKeepARefusal() {
        // a shipment's dispatch sent without a key: refused while its depot was inactive, it must run once the
        // depot is active again, and still only once
        String key = IdempotencyKeys.internal("shipment-7-dispatch");
        assertThat(IdempotencyKeys.internal(key)).isEqualTo(key);
        assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, key, "op", Map.of(), c -> {
            writes.incrementAndGet();
            throw new ConflictException("Depot HB-WH-01 is inactive");
        })).isInstanceOf(ConflictException.class);
        IdempotencyKeys.Outcome ran = keys.execute(f.ds, ADMIN, key, "op", Map.of(), auditWrite("d"));
        assertThat(ran).isEqualTo(new IdempotencyKeys.Outcome(new Ref("test", "d"), false));
        IdempotencyKeys.Outcome again = keys.execute(f.ds, ADMIN, key, "op", Map.of(), auditWrite("other"));
        assertThat(again).isEqualTo(new IdempotencyKeys.Outcome(new Ref("test", "d"), true));
        assertThat(writes).hasValue(2);
    }

    @Test
    void aCrashedAttemptBlocksItsKeyOnlyForItsLease() {
        IdempotencyKeys.Claim crashed = keys.begin(f.ds, ADMIN, "crash", "op", Map.of("q", 1));
        assertThat(crashed.replay()).isEmpty();
        // the owner never settles the key (it died): a copy waits, then is told to come back
        assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "crash", "op", Map.of("q", 1), auditWrite("a")))
                .isInstanceOfSatisfying(IdempotencyKeyInProgressException.class,
                        e -> assertThat(e.retryAfterSeconds()).isPositive());
        assertThat(writes).hasValue(0);
        // once the lease has run out the next copy takes the key over and writes, once
        clock.now = clock.now.plusSeconds(61);
        IdempotencyKeys.Outcome taken = keys.execute(f.ds, ADMIN, "crash", "op", Map.of("q", 1), auditWrite("a"));
        assertThat(taken).isEqualTo(new IdempotencyKeys.Outcome(new Ref("test", "a"), false));
        assertThat(keys.execute(f.ds, ADMIN, "crash", "op", Map.of("q", 1), auditWrite("b")).repeat()).isTrue();
        assertThat(writes).hasValue(1);
        // were the first attempt alive after all, its write could not commit
        assertThatThrownBy(() -> Transactions.inTransaction(f.ds, c -> {
            crashed.complete(c, new Ref("test", "late"));
            return null;
        })).isInstanceOf(ConflictException.class).hasMessageContaining("taken over");
    }

    @Test
    void aServerSideFailureReleasesTheKeyForARetry() {
        assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "r", "op", Map.of(), c -> {
            writes.incrementAndGet();
            throw new DataAccessException("disk full", new java.sql.SQLException("disk full", "XSDG1"));
        })).isInstanceOf(DataAccessException.class);
        assertThat(f.count("tp_idempotency")).isZero();
        assertThat(keys.execute(f.ds, ADMIN, "r", "op", Map.of(), auditWrite("r")).repeat()).isFalse();
        assertThat(writes).hasValue(2);
    }

    @Test
    void keysArePerActor() {
        keys.execute(f.ds, ADMIN, "same", "op", Map.of(), auditWrite("admin's"));
        var officers = keys.execute(f.ds, OFFICER, "same", "other-op", Map.of("x", 1), auditWrite("officer's"));
        assertThat(officers).isEqualTo(new IdempotencyKeys.Outcome(new Ref("test", "officer's"), false));
    }

    @Test
    void usesTellTheRestLayerWhetherAKeyRanOrWasRepeated() {
        keys.takeUses();
        keys.execute(f.ds, ADMIN, "u", "op", Map.of(), auditWrite("u"));
        assertThat(keys.takeUses()).containsExactly(new Use("admin", "u", false));
        assertThat(keys.takeUses()).isEmpty();
        keys.execute(f.ds, ADMIN, "u", "op", Map.of(), auditWrite("u"));
        assertThat(keys.takeUses()).containsExactly(new Use("admin", "u", true));
        // a key used for another request was not honoured: no use
        assertThatThrownBy(() -> keys.execute(f.ds, ADMIN, "u", "op", Map.of("other", 1), auditWrite("x")))
                .isInstanceOf(ConflictException.class);
        assertThat(keys.takeUses()).isEmpty();
    }

    @Test
    void theFirstAnswerStoredIsTheOneKept() {
        keys.execute(f.ds, ADMIN, "a", "op", Map.of(), auditWrite("a"));
        // a body longer than one chunk, with a character of two chars right on the chunk boundary
        String body = "{\"x\":\"" + "a".repeat(IdempotencyAnswers.CHUNK_CHARS - 7) + "\uD83D\uDE00" + "b".repeat(40_000)
                + "\"}";
        Answer first = new Answer(201, "application/json", "http://127.0.0.1/api/v1/test/a", body);
        assertThat(keys.answer(ADMIN, "a", first)).contains(first);
        assertThat(keys.answer(ADMIN, "a", new Answer(200, "application/json", null, "{}"))).contains(first);
        assertThat(keys.answer(ADMIN, "a", null)).contains(first);
        assertThat(keys.answer(OFFICER, "a", null)).isEmpty();
        // a key still running (or released, or unknown) stores no answer
        keys.begin(f.ds, ADMIN, "running", "op", Map.of());
        assertThat(keys.answer(ADMIN, "running", first)).isEmpty();
        assertThat(keys.answer(ADMIN, "running", null)).isEmpty();
        assertThat(keys.answer(ADMIN, "unknown", first)).isEmpty();
        // an empty body and no body are kept apart
        keys.execute(f.ds, ADMIN, "e", "op", Map.of(), auditWrite("e"));
        assertThat(keys.answer(ADMIN, "e", new Answer(204, null, null, null)))
                .contains(new Answer(204, null, null, null));
        assertThat(IdempotencyAnswers.chunks("")).containsExactly("");
    }

    @Test
    void aClaimSettledOnTheWritesOwnConnectionIsARepeatOnceCommitted() throws Exception {
        IdempotencyKeys.Claim claim = keys.begin(f.ds, ADMIN, "w", "op", Map.of());
        try (Connection c = f.ds.getConnection()) {
            c.setAutoCommit(false);
            claim.complete(c, new Ref("test", "w"));
            c.commit();
        }
        assertThat(keys.begin(f.ds, ADMIN, "w", "op", Map.of()).replay()).contains(new Ref("test", "w"));
        assertThat(keys.answer(ADMIN, "w", null)).isEqualTo(Optional.empty());
    }

    @Test
    void forgottenAnswersAreBuiltAfreshWhileTheWriteStaysDone() {
        keys.execute(f.ds, ADMIN, "a", "op", Map.of(), auditWrite("1"));
        keys.execute(f.ds, OFFICER, "b", "op", Map.of(), auditWrite("2"));
        String big = "Wang Xiuying ".repeat(4_000); // more than one stored chunk
        keys.answer(ADMIN, "a", new Answer(201, "application/json", "/x/1", big));
        keys.answer(OFFICER, "b", new Answer(201, "application/json", "/x/2", "{\"other\":true}"));

        int forgotten = Transactions.write(f.ds, "forget", c -> keys.forgetAnswers(c, "test", List.of("1", "9")));

        assertThat(forgotten).isEqualTo(1);
        assertThat(keys.answer(ADMIN, "a", null)).isEmpty();
        assertThat(keys.answer(OFFICER, "b", null)).map(Answer::body).contains("{\"other\":true}");
        // still a repeat: nothing runs again; the next answer offered is kept
        assertThat(keys.execute(f.ds, ADMIN, "a", "op", Map.of(), auditWrite("1")).repeat()).isTrue();
        assertThat(writes).hasValue(2);
        assertThat(keys.answer(ADMIN, "a", new Answer(201, "application/json", "/x/1", "{}"))).map(Answer::body)
                .contains("{}");
    }
}
