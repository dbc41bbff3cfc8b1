package org.tongpao.reporting.internal.sources;

import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.donation.DonationService;

/** Donations by province × category through donation's summary (the only class that loads donation's types). */
@Component(service = DonationSource.class)
public class DonationAdapter implements DonationSource {
    private final DonationService donations;

    @Activate
    public DonationAdapter(@Reference DonationService donations) {
        this.donations = donations;
    }

    @Override
    public List<Figures> figures(Caller caller, Instant from, Instant to) {
        return donations.summary(caller, from, to).stream().map(s -> new Figures(s.provinceCode(), s.categoryCode(),
                s.pledged(), s.received(), s.accepted(), s.rejected(), s.passedOn(), s.delivered())).toList();
    }
}
