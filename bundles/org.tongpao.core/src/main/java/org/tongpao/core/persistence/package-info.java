/**
 * Persistence support shared by every Tongpao bundle: Flyway migrations per bundle, explicit
 * transactions, keyset paging, the audit trail and Idempotency-Key records. SQL written against it
 * must run on Derby and PostgreSQL alike.
 */
@Export
@Version("1.0.0")
package org.tongpao.core.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
