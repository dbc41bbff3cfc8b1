package org.tongpao.reporting.internal.sources;

import java.time.Instant;
import java.util.List;
import org.tongpao.core.Caller;

/** What reporting reads from donation; registered by {@link DonationAdapter}. */
public interface DonationSource {

    /** One province × category of donations; {@code provinceCode} null: the ministry's own desk. */
    record Figures(String provinceCode, String categoryCode, long pledged, long received, long accepted,
            long rejected, long passedOn, long delivered) {
    }

    /** In [from, to) (null: unbounded), with the caller's own scope. */
    List<Figures> figures(Caller caller, Instant from, Instant to);
}
