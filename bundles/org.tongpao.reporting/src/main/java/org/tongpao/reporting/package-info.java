/**
 * Reports on the national picture, read through the other bundles' service APIs (never their tables):
 * {@link org.tongpao.reporting.Reports} and the report records. Every report is {@link org.tongpao.reporting.Tabular}:
 * its tables are what the CSV and XLSX exports and the console print. Capabilities that may be absent
 * (allocation, transport, procurement, funding, federation, donation) appear as sections with {@code installed}, never
 * as zeros. 1.1: {@code DonationReport}, {@code Reports.donations}, {@code Name.DONATIONS} and the daily report's
 * donations section.
 * 1.2: {@code StockReport.StockItemRow.earliestExpiry}/{@code earliestExpiryOnHand}, the earliest expiry of a place ×
 * item's stock (from inventory 1.10's expiry summary).
 * 1.3: {@code ExpiringReport}, {@code Reports.expiring}, {@code Name.EXPIRING}: stock expiring within N days.
 */
@Export
@Version("1.3.0")
package org.tongpao.reporting;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
