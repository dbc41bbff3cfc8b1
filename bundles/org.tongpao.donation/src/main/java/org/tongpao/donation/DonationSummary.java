package org.tongpao.donation;

/**
 * Donations by the donation's province × item category (1.1), what reports read: {@code pledged} (lines of pledges
 * made in the period, cancelled ones left out), {@code received} = {@code accepted} + {@code rejected} (receipt lines
 * booked in it), {@code passedOn} (what left the receiving depot's donation lots onward, issued or transferred, in
 * the period) and {@code delivered} (what units received for use from those lots or any lot split off them, in the
 * period). {@code provinceCode} null: the ministry's own desk; {@code categoryCode} null: pledged goods described
 * but not matched to an item yet.
 *
 * @since 1.1
 */
public record DonationSummary(String provinceCode, String categoryCode, long pledged, long received, long accepted,
        long rejected, long passedOn, long delivered) {
}
