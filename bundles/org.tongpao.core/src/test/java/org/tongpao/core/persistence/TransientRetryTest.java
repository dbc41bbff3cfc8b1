package org.tongpao.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongpao.core.ConflictException;

class TransientRetryTest {
    private final List<Long> pauses = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private static DataAccessException failure(String sqlState) {
        return new DataAccessException("Transaction failed", new SQLException("lock", sqlState));
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "40XL1", "40XL2", "55P03"})
    void aTransientLockFailureRunsTheWorkAgain(String state) {
        String result = TransientRetry.run("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw failure(state);
            }
            return "done";
        }, pauses::add);
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
        assertThat(pauses).hasSize(2);
        // growing pauses: 10 ms per attempt made, plus under 10 ms of jitter
        assertThat(pauses.get(0)).isBetween(10L, 19L);
        assertThat(pauses.get(1)).isBetween(20L, 29L);
    }

    @Test
    void aLockThatStaysTakenEndsAsTransientDataAccessAfterTheAttempts() {
        assertThatThrownBy(() -> TransientRetry.run("receipt", () -> {
            calls.incrementAndGet();
            throw failure("40XL1");
        }, pauses::add)).isInstanceOfSatisfying(TransientDataAccessException.class, e -> {
            assertThat(e.retryAfterSeconds()).isEqualTo(TransientRetry.RETRY_AFTER_SECONDS);
            assertThat(e.sqlState()).isEqualTo("40XL1");
            assertThat(e).hasMessageContaining("receipt");
        });
        assertThat(calls).hasValue(TransientRetry.ATTEMPTS);
        assertThat(pauses).hasSize(TransientRetry.ATTEMPTS - 1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> TransientRetry.run("x", () -> {
            calls.incrementAndGet();
            throw failure(Sql.UNIQUE_VIOLATION);
        }, pauses::add)).isNotInstanceOf(TransientDataAccessException.class).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> TransientRetry.run("x", () -> {
            calls.incrementAndGet();
            throw new ConflictException("Not enough available stock");
        }, pauses::add)).isInstanceOf(ConflictException.class);
        assertThat(calls).hasValue(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anInnerRetryThatGaveUpIsNotRetriedAgainOutside() {
        assertThatThrownBy(() -> TransientRetry.run("outer", () -> {
            calls.incrementAndGet();
            throw new TransientDataAccessException("gave up", new SQLException("lock", "40XL1"), 1);
        }, pauses::add)).isInstanceOf(TransientDataAccessException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void theTransientStatesAreFoundAnywhereInTheChain() {
        SQLException next = new SQLException("wrapped", "XJ001");
        next.setNextException(new SQLException("lock", "40XL1"));
        assertThat(Sql.isTransientLock(new RuntimeException(next))).isTrue();
        assertThat(Sql.isTransientLock(new DataAccessException("x", new SQLException("dup", "23505")))).isFalse();
        assertThat(Sql.isTransientLock(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
