package org.tongpao.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write operation whose work is only this node's database (its services' writes and outbox events, nothing said to
 * a partner, a carrier or another node while it runs): when the request carries an {@code Idempotency-Key}, the REST
 * server runs it through {@code IdempotencyKeys.answered}, so the key's claim, the writes and the first answer commit
 * together, once. Operations without it keep their own transactions: a saga that tells a carrier something commits
 * its steps apart (a crash must never lose what a partner was told, and no lock is held while the partner answers),
 * and its answer is kept after it, as before.
 *
 * @since 1.6
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AnsweredInOneCommit {
}
