package org.tongpao.reporting;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;

/**
 * The reports. Readers: ministry roles and auditors see the nation; a province officer only its own province
 * (the central reserve and other provinces are left out); anyone else is refused (403). Every figure is read
 * through the owning bundle's service with the caller's own scope.
 */
@ProviderType
public interface Reports {

    /** The report names, as in {@code /reports/{name}} and {@code tongpao:report <name>}. */
    enum Name { STOCK, COVER, SHORTAGES, TRANSIT, BATCHES, FUNDING, CENSUS, DAILY, DONATIONS, EXPIRING }

    StockReport stock(Caller caller);

    /** {@code windowDays} null: the configured default (7); else 1..90 (400 naming {@code window}). */
    CoverReport cover(Caller caller, Integer windowDays);

    ShortageReport shortages(Caller caller);

    TransitReport transit(Caller caller);

    BatchReport batches(Caller caller);

    FundingReport funding(Caller caller);

    CensusReport census(Caller caller);

    /** Donations received, accepted and passed on, by province × category (1.1). @since 1.1 */
    DonationReport donations(Caller caller);

    /**
     * Stock on hand expiring within {@code days} days (null: 30; else 1..3650, 400 naming {@code days}), per place ×
     * item, soonest first (1.3).
     *
     * @since 1.3
     */
    ExpiringReport expiring(Caller caller, Integer days);

    /** {@code asOf} null: now; a cut-off in the future is a 400 naming {@code asOf}. */
    DailyReport daily(Caller caller, Instant asOf);

    /**
     * The report of that name with its parameters (null: defaults), for exports and the console; {@code windowDays}
     * is the cover report's window and the expiring report's days (1.3).
     */
    Tabular report(Caller caller, Name name, Integer windowDays, Instant asOf);
}
