/**
 * Funding: budget lines (the ministry's central allocation, the special epidemic fund, a province's own budget),
 * the commitments that approvals place on them, the spend that receipts and invoices turn commitments into,
 * and releases on cancellation. Money is exact ({@link org.tongpao.funding.Money}: {@code BigDecimal}, an ISO
 * currency, rounding stated); foreign amounts are converted at a recorded {@link org.tongpao.funding.ExchangeRate}.
 *
 * <p>Another bundle (procurement) calls {@link org.tongpao.funding.FundingService} inside its own transaction
 * ({@code Transactions.enclosing}): the commitment commits or rolls back with the caller's change.
 */
@Export
@Version("1.1.0")
package org.tongpao.funding;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
