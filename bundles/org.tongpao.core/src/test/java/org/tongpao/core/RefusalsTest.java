package org.tongpao.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.DataAccessException;

/** Refusals said as a caller's own failure: which are worth repeating, and what the reason names. */
class RefusalsTest {

    /** A caller's own failure, as a channel's exception would be. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean retryable;

        Failure(String reason, boolean retryable, Throwable cause) {
            super(reason, cause);
            this.retryable = retryable;
        }
    }

    private static <T> T call(java.util.function.Supplier<T> work) throws Failure {
        return Refusals.translate(work, Failure::new);
    }

    @Test
    void clientErrorsAreFinalRefusalsAndAValidationNamesItsField() {
        assertThatThrownBy(() -> call(() -> {
            throw new ValidationException("lines[0].quantity", "quantity must be positive");
        })).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f).hasMessage("lines[0].quantity: quantity must be positive");
            assertThat(f.retryable).isFalse();
            assertThat(f.getCause()).isInstanceOf(ValidationException.class);
        });
        assertThatThrownBy(() -> call(() -> {
            throw new ConflictException("status", "Order PCC-7 is DELIVERED");
        })).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f).hasMessage("Order PCC-7 is DELIVERED");
            assertThat(f.retryable).isFalse();
        });
    }

    @Test
    void aDatabaseFailureIsWorthRepeatingAndAnythingElsePassesUnchanged() throws Failure {
        assertThatThrownBy(() -> call(() -> {
            throw new DataAccessException("lock timeout", null);
        })).isInstanceOfSatisfying(Failure.class, f -> assertThat(f.retryable).isTrue());
        assertThatThrownBy(() -> call(() -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(call(() -> "placed")).isEqualTo("placed");
    }
}
