package org.tongpao.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.function.ThrowingConsumer;
import org.tongpao.core.NotFoundException;

/** The check that a write naming a record out of the caller's scope is hidden: the same 404 as an unknown id. */
public final class OutOfScope {
    /** An id no test database holds. */
    public static final long UNKNOWN = 987_654_321L;

    private OutOfScope() {
    }

    /**
     * Runs {@code write} with {@code otherId} and with {@link #UNKNOWN}: both must fail with a
     * {@link NotFoundException} of the same field and the same message but for the id. Returns the first, for
     * the caller's checks of what its message must not reveal.
     */
    public static NotFoundException sameAsUnknown(String description, long otherId, ThrowingConsumer<Long> write) {
        Throwable other = catchThrowable(() -> write.accept(otherId));
        Throwable unknown = catchThrowable(() -> write.accept(UNKNOWN));
        assertThat(other).as(description).isInstanceOf(NotFoundException.class);
        assertThat(unknown).isInstanceOf(NotFoundException.class);
        assertThat(((NotFoundException) other).field()).isEqualTo(((NotFoundException) unknown).field());
        assertThat(other.getMessage().replace(Long.toString(otherId), "ID"))
                .isEqualTo(unknown.getMessage().replace(Long.toString(UNKNOWN), "ID"));
        return (NotFoundException) other;
    }
}
