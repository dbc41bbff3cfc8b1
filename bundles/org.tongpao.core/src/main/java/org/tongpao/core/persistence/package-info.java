/**
 * Persistence support shared by every Tongpao bundle: Flyway migrations per bundle, explicit
 * transactions, keyset paging, the audit trail, Idempotency-Key records, (since 1.1) depot row
 * locks and (since 1.2) the audit trail's filtered, newest-first reads. SQL written against it must run
 * on Derby and PostgreSQL alike.
 */
@Export
@Version("1.2.0")
package org.tongpao.core.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
