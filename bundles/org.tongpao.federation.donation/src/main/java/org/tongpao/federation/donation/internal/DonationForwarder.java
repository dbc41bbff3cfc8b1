package org.tongpao.federation.donation.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationSnapshot;
import org.tongpao.donation.DonationTopics;
import org.tongpao.federation.Federation;

/**
 * On a provincial node: every change of a donation made here — pledged, a receipt recorded (against a pledge or
 * unpledged; the status change it causes is read in the same snapshot), cancelled, its donor erased — goes up to
 * central as {@code donation.changed}, the donation as it now stands, read in the change's transaction so the
 * message leaves with it or not at all. Central sends nothing: its own donations are national.
 */
@Component(service = EventForwarder.class)
@EventTopics({
    DonationTopics.PLEDGED,
    DonationTopics.RECEIPT_RECORDED,
    DonationTopics.CANCELLED,
    DonationTopics.DONOR_ERASED})
public class DonationForwarder implements EventForwarder {
    private final Federation federation;
    private final NodeIdentity node;
    private final DonationService donations;

    @Activate
    public DonationForwarder(@Reference Federation federation, @Reference NodeIdentity node,
            @Reference DonationService donations) {
        this.federation = federation;
        this.node = node;
        this.donations = donations;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) {
        if (node.isCentral()) {
            return;
        }
        List<DonationSnapshot> changed = switch (topic) {
            case DonationTopics.DONOR_ERASED -> donations.snapshotsOfDonor(c, id(event, "id"));
            case DonationTopics.RECEIPT_RECORDED -> donations.snapshot(c, id(event, "donationId")).stream().toList();
            case DonationTopics.PLEDGED, DonationTopics.CANCELLED -> donations.snapshot(c, id(event, "id")).stream()
                    .toList();
            default -> List.of(); // the status events of a receipt travel in its RECEIPT_RECORDED snapshot
        };
        for (DonationSnapshot s : changed) {
            federation.send(c, Federation.CENTRAL, DonationContract.TYPE, DonationContract.VERSION, s.asOf(),
                    DonationContract.body(s));
        }
    }

    private static long id(Map<String, ?> event, String key) {
        return ((Number) event.get(key)).longValue();
    }
}
