package org.tongpao.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.testing.LockRace;
import org.tongpao.core.testing.TestDatabase;

/** {@link Transactions#write} and {@link Transactions#afterCommit} on a real database. */
class TransactionsTest {
    private TestDatabase db;
    private DataSource ds;
    private final List<String> ran = new ArrayList<>();

    @BeforeEach
    void table() throws SQLException {
        db = new TestDatabase();
        ds = db.dataSource();
        try (Connection c = ds.getConnection()) {
            Jdbc.update(c, "CREATE TABLE tx_row (id INT PRIMARY KEY, v VARCHAR(20))", List.of());
            Jdbc.update(c, "INSERT INTO tx_row (id, v) VALUES (1, 'start')", List.of());
        }
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private String value() {
        return Transactions.read(ds, c -> Jdbc.one(c, "SELECT v FROM tx_row WHERE id = 1", List.of(),
                rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void aCommittedWriteRunsItsHooksInOrderAfterTheCommit() {
        String result = Transactions.write(ds, "test", c -> {
            Jdbc.update(c, "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args("one"));
            Transactions.afterCommit(() -> ran.add("first saw " + value()));
            Transactions.afterCommit(() -> ran.add("second"));
            assertThat(ran).isEmpty();
            return "done";
        });
        assertThat(result).isEqualTo("done");
        // the hook runs once the change is visible to other connections
        assertThat(ran).containsExactly("first saw one", "second");
    }

    @Test
    void aRolledBackWriteDropsItsHooksAndItsChange() {
        assertThatThrownBy(() -> Transactions.write(ds, "test", c -> {
            Jdbc.update(c, "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args("gone"));
            Transactions.afterCommit(() -> ran.add("hook"));
            throw new ConflictException("refused");
        })).isInstanceOf(ConflictException.class);
        assertThat(ran).isEmpty();
        assertThat(value()).isEqualTo("start");
        // the next transaction on this thread starts with no leftover hooks
        Transactions.write(ds, "next", c -> {
            Transactions.afterCommit(() -> ran.add("next"));
            return null;
        });
        assertThat(ran).containsExactly("next");
    }

    @Test
    void afterCommitOutsideATransactionIsAnError() {
        assertThatThrownBy(() -> Transactions.afterCommit(() -> ran.add("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Transactions.read(ds, c -> {
            Transactions.afterCommit(() -> ran.add("x"));
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNestedTransactionRunsItsOwnHooksAtItsOwnCommit() {
        assertThatThrownBy(() -> Transactions.inTransaction(ds, outer -> {
            Transactions.afterCommit(() -> ran.add("outer"));
            Transactions.inTransaction(ds, inner -> {
                Transactions.afterCommit(() -> ran.add("inner"));
                return null;
            });
            assertThat(ran).containsExactly("inner");
            throw new ConflictException("outer rolls back");
        })).isInstanceOf(ConflictException.class);
        assertThat(ran).containsExactly("inner");
    }

    @Test
    void aFailingHookDoesNotStopTheOthers() {
        Transactions.write(ds, "test", c -> {
            Transactions.afterCommit(() -> {
                throw new IllegalStateException("hook broke");
            });
            Transactions.afterCommit(() -> ran.add("second"));
            return null;
        });
        assertThat(ran).containsExactly("second");
    }

    @Test
    void aRealLockTimeoutRunsTheTransactionAgainWithoutTheFirstAttemptsHooks() throws SQLException {
        db.shortLockTimeout();
        AtomicInteger attempts = new AtomicInteger();
        try (Connection blocker = ds.getConnection()) {
            blocker.setAutoCommit(false);
            Jdbc.update(blocker, "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args("blocker"));
            String result = Transactions.write(ds, "locked update", c -> {
                int attempt = attempts.incrementAndGet();
                Transactions.afterCommit(() -> ran.add("attempt " + attempt));
                try {
                    Jdbc.update(c, "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args("writer"));
                } finally {
                    if (attempt == 1) {
                        // the first attempt met the lock; now let the retry through
                        blocker.rollback();
                    }
                }
                return "written";
            });
            assertThat(result).isEqualTo("written");
        }
        assertThat(attempts).hasValue(2);
        assertThat(ran).containsExactly("attempt 2");
        assertThat(value()).isEqualTo("writer");
    }

    private void set(String v) {
        Transactions.write(ds, "set", c -> Jdbc.update(c, "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args(v)));
    }

    @Test
    void writesInsideAnEnclosingTransactionCommitWithItAndTheirHooksRunAfterIt() {
        Transactions.enclosing(ds, "enclosing", c -> {
            set("joined");
            Transactions.write(ds, "hook", c2 -> {
                assertThat(c2).isSameAs(c);
                Transactions.afterCommit(() -> ran.add("after " + value()));
                return null;
            });
            // a read joins too: it sees the enclosing writes instead of waiting on their locks
            assertThat(value()).isEqualTo("joined");
            assertThat(ran).isEmpty();
            return null;
        });
        assertThat(ran).containsExactly("after joined");
        assertThat(value()).isEqualTo("joined");
    }

    @Test
    void aFailureOfTheEnclosingWorkRollsBackWhatTheJoinedWritesDid() {
        assertThatThrownBy(() -> Transactions.enclosing(ds, "enclosing", c -> {
            set("joined");
            Transactions.write(ds, "hook", c2 -> {
                Transactions.afterCommit(() -> ran.add("hook"));
                return null;
            });
            throw new ConflictException("the inbox row exists");
        })).isInstanceOf(ConflictException.class);
        assertThat(value()).isEqualTo("start");
        assertThat(ran).isEmpty();
    }

    @Test
    void aJoinedWriteThatFailsIsUndoneAloneAndTheEnclosingWorkGoesOn() {
        Transactions.enclosing(ds, "enclosing", c -> {
            Jdbc.update(c, "INSERT INTO tx_row (id, v) VALUES (2, 'outer')", List.of());
            assertThatThrownBy(() -> Transactions.write(ds, "fails", c2 -> {
                Jdbc.update(c2, "UPDATE tx_row SET v = 'inner' WHERE id = 1", List.of());
                Transactions.afterCommit(() -> ran.add("dropped"));
                throw new ConflictException("refused");
            })).isInstanceOf(ConflictException.class);
            return null;
        });
        assertThat(value()).isEqualTo("start");
        long rows = Transactions.read(ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM tx_row", List.of()));
        assertThat(rows).isEqualTo(2);
        assertThat(ran).isEmpty();
    }

    @Test
    void enclosingTransactionsDoNotNest() {
        assertThatThrownBy(() -> Transactions.enclosing(ds, "outer",
                c -> Transactions.enclosing(ds, "inner", c2 -> null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void enclosingOrJoinedEnclosesAloneAndJoinsInsideAnEnclosingTransaction() {
        // alone: its own enclosing transaction, which a failure rolls back whole
        assertThatThrownBy(() -> Transactions.enclosingOrJoined(ds, "alone", c -> {
            Transactions.write(ds, "joined", c2 -> {
                set("alone");
                return null;
            });
            throw new ConflictException("refused");
        })).isInstanceOf(ConflictException.class);
        assertThat(value()).isEqualTo("start");
        // inside an enclosing transaction: part of it, undone with it
        assertThatThrownBy(() -> Transactions.enclosing(ds, "outer", c -> {
            Transactions.enclosingOrJoined(ds, "inner", c2 -> {
                set("inner");
                return null;
            });
            String seen = Transactions.read(ds, c3 -> Jdbc.one(c3, "SELECT v FROM tx_row WHERE id = 1", List.of(),
                    rs -> rs.getString(1)).orElseThrow());
            assertThat(seen).isEqualTo("inner");
            throw new ConflictException("the outer work fails");
        })).isInstanceOf(ConflictException.class);
        assertThat(value()).isEqualTo("start");
    }

    /** A hook that appends what it was given to row 1, on the connection it runs on. */
    private final class Appender implements Transactions.BeforeCommit {
        private final List<String> parts = new ArrayList<>();

        @Override
        public void run(Connection c) throws SQLException {
            ran.add("before commit: " + parts);
            Jdbc.update(c, "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args(String.join("+", parts)));
        }
    }

    @Test
    void joinedCallsLeaveOneHookPerKeyThatRunsAfterTheEnclosingWorkBeforeItsCommit() {
        assertThat(Transactions.beforeEnclosingCommit(ds, "k", Appender::new)).isEmpty();
        Transactions.enclosing(ds, "enclosing", c -> {
            for (String part : List.of("a", "b")) {
                Transactions.write(ds, "joined " + part, c2 -> {
                    Transactions.afterCommit(() -> ran.add("after commit: " + value()));
                    return null;
                });
                Transactions.beforeEnclosingCommit(ds, "k", Appender::new).orElseThrow().parts.add(part);
            }
            assertThat(ran).isEmpty();
            assertThat(value()).isEqualTo("start");
            ran.add("work done");
            return null;
        });
        assertThat(ran).containsExactly("work done", "before commit: [a, b]", "after commit: a+b",
                "after commit: a+b");
        assertThat(value()).isEqualTo("a+b");
    }

    @Test
    void aFailingBeforeCommitHookRollsTheWholeEnclosingTransactionBack() {
        assertThatThrownBy(() -> Transactions.enclosing(ds, "enclosing", c -> {
            set("joined");
            Transactions.beforeEnclosingCommit(ds, "k", () -> c2 -> {
                throw new ConflictException("the summary refuses");
            });
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(value()).isEqualTo("start");
        // the next enclosing transaction starts with no hooks left over
        Transactions.enclosing(ds, "next", c -> {
            set("next");
            return null;
        });
        assertThat(value()).isEqualTo("next");
    }

    @Test
    void whatAReadTogetherReadStaysAsItWasUntilItEnds() {
        String[] second = new String[1];
        LockRace[] race = new LockRace[1];
        String first = Transactions.readTogether(ds, c -> {
            String v = Jdbc.one(c, "SELECT v FROM tx_row WHERE id = 1", List.of(), rs -> rs.getString(1)).orElseThrow();
            // a write of the row read commits between the read's two statements (PostgreSQL: the read keeps its
            // snapshot) or waits for the read's end (Derby: the read's row lock); either way the read sees it as it was
            race[0] = LockRace.start("writer", () -> Transactions.write(ds, "test", w -> Jdbc.update(w,
                    "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args("changed"))));
            race[0].endedOrWaiting(Duration.ofSeconds(30));
            second[0] = Jdbc.one(c, "SELECT v FROM tx_row WHERE id = 1", List.of(), rs -> rs.getString(1))
                    .orElseThrow();
            return v;
        });
        race[0].join(Duration.ofSeconds(30));
        assertThat(List.of(first, second[0], value())).containsExactly("start", "start", "changed");
        // the pooled connection went back at its own level: a plain read no longer holds its rows
        Transactions.read(ds, c -> c.getTransactionIsolation() == Connection.TRANSACTION_READ_COMMITTED
                ? null : fail("isolation " + c.getTransactionIsolation()));
    }

    @Test
    void settledWritesAreEmptyWhileAWriteRunsAndAdvanceOnceItHasCommitted() {
        long before = Transactions.settledWrites().orElseThrow();
        Transactions.write(ds, "test", c -> {
            Jdbc.update(c, "UPDATE tx_row SET v = ? WHERE id = 1", Jdbc.args("one"));
            Transactions.afterCommit(() -> ran.add("hook saw " + Transactions.settledWrites()));
            // a read keyed by the number now must not be taken for one made after this commit
            assertThat(Transactions.settledWrites()).isEmpty();
            return null;
        });
        assertThat(ran).containsExactly("hook saw OptionalLong.empty"); // settled after the commit's hooks only
        assertThat(Transactions.settledWrites()).hasValue(before + 1);

        Transactions.enclosing(ds, "test", c -> {
            // joined writes commit with the enclosing transaction and count with it
            Transactions.write(ds, "joined", j -> Jdbc.update(j, "UPDATE tx_row SET v = ? WHERE id = 1",
                    Jdbc.args("two")));
            assertThat(Transactions.settledWrites()).isEmpty();
            return null;
        });
        assertThat(Transactions.settledWrites()).hasValue(before + 2);
    }

    @Test
    void readsLeaveSettledWritesAsTheyAreAndARollbackAdvancesThem() {
        long before = Transactions.settledWrites().orElseThrow();
        value();
        Transactions.readTogether(ds, c -> Jdbc.one(c, "SELECT v FROM tx_row WHERE id = 1", List.of(),
                rs -> rs.getString(1)));
        Transactions.inTransaction(ds, c -> value());
        assertThat(Transactions.settledWrites()).hasValue(before);
        assertThatThrownBy(() -> Transactions.write(ds, "test", c -> {
            throw new ConflictException("refused");
        })).isInstanceOf(ConflictException.class);
        // harmless: what was kept is only read again
        assertThat(Transactions.settledWrites()).hasValue(before + 1);
    }
}
