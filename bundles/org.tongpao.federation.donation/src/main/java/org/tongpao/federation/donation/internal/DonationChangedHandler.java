package org.tongpao.federation.donation.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.donation.DonationService;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;

/**
 * At central: a province's donation, stored as a read-only copy keyed by (sending node, its id) through
 * {@link DonationService#replicate}, as the province's link: its scope refuses a donation of another province or a
 * receipt into another province's depot (the message is parked FAILED); the kernel already refused a message whose
 * {@code from} is not the link's node. A copy older than the stored one changes nothing.
 */
// newer-wins: the copy is the whole donation as of asOf, and DonationService.replicate keeps only a newer one, so
// the inbox may forget the message's id past retention
@Component(property = {MessageHandler.TYPE + "=" + DonationContract.TYPE, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class DonationChangedHandler implements MessageHandler {
    private final DonationService donations;

    @Activate
    public DonationChangedHandler(@Reference DonationService donations) {
        this.donations = donations;
    }

    @Override
    public void apply(Message message, Caller sender) {
        donations.replicate(sender, message.from(), DonationContract.snapshot(message.body()));
    }
}
