package org.tongpao.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body limit of its own for an operation that takes large files (an import), in place of the REST
 * server's {@code maxBodyBytes} (1 MiB) that every other operation keeps. Beyond it the REST server answers 413
 * problem+json: up front from {@code Content-Length}, else as soon as the method has read that many bytes, so the
 * body is still read as a stream and never held whole. The REST configuration ({@code org.tongpao.rest},
 * {@code bodyLimits}) may set the bytes per name, e.g. {@code import=268435456}.
 *
 * @since 1.5
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /** The limit's name: its configuration key and its log lines. */
    String value();

    /** The largest body accepted, in bytes, unless the configuration names another for {@link #value()}. */
    long bytes();
}
