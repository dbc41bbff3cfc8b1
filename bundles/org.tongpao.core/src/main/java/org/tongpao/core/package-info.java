/**
 * Tongpao's shared kernel: node identity, the caller and its roles, the domain errors every
 * bundle raises, and the organisation, catalogue and depot services. 1.2: {@code Checks}, the field
 * checks every bundle runs before a write. 1.3: {@code ConflictException.field()}, the field a 409 is about.
 * 1.4: {@code Roles.PROCUREMENT_OFFICER}, {@code Roles.FINANCE}.
 * 1.5: {@code Roles.DONATION_OFFICER}.
 * 1.6: {@code Caller.vouchedFor} and {@code Roles.VOUCHED_PREFIX}: the platform writing for a named user.
 * 1.7: {@code Refusals}, the platform's refusals turned into a caller's own failures (a channel's);
 * {@code Checks.lines}, {@code Checks.reference}, {@code Checks.optionalPositive} (a body's lines, checked).
 */
@Export
@Version("1.7.0")
package org.tongpao.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
