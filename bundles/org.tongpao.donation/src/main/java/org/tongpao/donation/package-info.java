/**
 * Donation intake: donors (contact details are personal data, for donation officers only, erasable), pledges with
 * a designation (a province, an org unit, the front line, or none), receipts against a pledge or unpledged with an
 * inspection per line whose accepted quantities become inventory lots (origin DONATION, source document the
 * donation line), numbered acknowledgements with a donor code, the donation's trace and the public answers.
 * 1.1: donor codes are stored hashed and printed once ({@code Acknowledgement.donorCode},
 * {@code DonationService.reissueDonorCode}; {@code Donation.donorCode} is always null); the trace a page at a time
 * ({@code DonationService.trace(caller, id, limit, cursor)}, {@code DonationTrace.nextCursor}); {@code DonationService.summary} ({@code DonationSummary}) for reports.
 * 1.2: a node rebuilt from central gets its donations back ({@code DonationService.replicasOf}/{@code replicaCount} at
 * central, {@code DonationService.restore} on the rebuilt node).
 */
@Export
@Version("1.2.0")
package org.tongpao.donation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
