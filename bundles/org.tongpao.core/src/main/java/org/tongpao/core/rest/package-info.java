/**
 * Small helpers for bundles that publish REST resources: query parameters parsed so that a bad value is a
 * 400 naming the parameter (JAX-RS would answer 404 for an unconvertible query parameter), optional bodies,
 * and {@link org.tongpao.core.rest.Created} for one form of {@code Location} (1.1); (1.2) {@link org.tongpao.core.rest.JaxRs},
 * the service properties that put a resource or provider on the REST server; (1.3)
 * {@link org.tongpao.core.rest.PageParams} and {@link org.tongpao.core.rest.IdempotencyHeader}, the repeated
 * parameter groups as JAX-RS {@code @BeanParam}s; (1.4) {@link org.tongpao.core.rest.RateLimited}, a limit per client
 * address on an operation (for public ones), enforced by the REST server like its failed-login throttle, and {@code Created.base}, the API's base URI;
 * (1.5) {@link org.tongpao.core.rest.BodyLimit}, a larger request body limit of its own for an operation (imports);
 * (1.6) {@link org.tongpao.core.rest.AnsweredInOneCommit}, a keyed write whose claim, writes and answer commit together.
 */
@Export
@Version("1.6.0")
package org.tongpao.core.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
