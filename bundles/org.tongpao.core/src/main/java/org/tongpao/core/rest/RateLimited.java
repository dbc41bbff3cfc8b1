package org.tongpao.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most {@link #requests()} calls per {@link #perSeconds()} from one client address (the address rules of the
 * login throttle: {@code X-Forwarded-For} only from trusted proxies, IPv6 per /64), counted per {@link #value()}
 * name across every method that carries it; beyond that the REST server answers 429 problem+json with
 * {@code Retry-After} without calling the method. For public ({@code @PermitAll}) operations such as a checkpoint's
 * pass verification. The REST configuration ({@code org.tongpao.rest}, {@code rateLimits}) may override the numbers
 * per name, e.g. {@code pass-verification=60/60}.
 *
 * @since 1.4
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The limit's name: its counters, its configuration key, its log lines. */
    String value();

    /** Calls allowed per window and address. */
    int requests() default 60;

    /** The window, in seconds. */
    int perSeconds() default 60;
}
