package org.tongpao.core;

import java.util.function.Supplier;
import org.tongpao.core.persistence.DataAccessException;

/**
 * Tongpao's refusals said in another vocabulary, for code that calls the platform's services on behalf of something
 * with failures of its own (a built-in procurement channel answering with the channel SPI's exception): a client
 * error is a refusal not worth repeating (a {@link ValidationException} as "field: message", any other
 * {@link TongpaoException} as its message), a database failure ({@link DataAccessException}) one worth trying
 * again; anything else passes unchanged.
 *
 * @since 1.7
 */
public final class Refusals {

    /** Makes the caller's own failure from a refusal. */
    @FunctionalInterface
    public interface As<X extends Exception> {
        X refusal(String reason, boolean retryable, RuntimeException cause);
    }

    private Refusals() {
    }

    /** Runs {@code call}, throwing its refusal as {@code as} makes it. */
    public static <T, X extends Exception> T translate(Supplier<T> call, As<X> as) throws X {
        try {
            return call.get();
        } catch (ValidationException e) {
            throw as.refusal(e.field() + ": " + e.getMessage(), false, e);
        } catch (TongpaoException e) {
            throw as.refusal(e.getMessage(), false, e);
        } catch (DataAccessException e) {
            throw as.refusal(e.getMessage(), true, e);
        }
    }
}
