package org.tongpao.federation.donation.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationSnapshot;
import org.tongpao.federation.RebuildContribution;

/**
 * The rebuild's {@code donations} section (federation 1.2): every donation the province recorded, as central's copy
 * holds it — the {@code donation.changed} body, with its donor, lines, receipts and their inspection, the
 * province's own ids, numbers, acknowledgement numbers and lot ids — read from central's copies (donation 1.2
 * {@code replicasOf}, keyset on the province's donation id) and stored again on the rebuilt node as its own
 * ({@code restore}), so its next donation is numbered above every one central holds (a restarted numbering would
 * overwrite an old donation's copy at central).
 */
@Component(property = RebuildContribution.SECTION + "=donations")
public class DonationsRebuild implements RebuildContribution {
    private static final Caller READER = Caller.system("rebuild-donations");
    private final DonationService donations;

    @Activate
    public DonationsRebuild(@Reference DonationService donations) {
        this.donations = donations;
    }

    @Override
    public Rows read(Connection c, String province, String after, int limit) {
        Page<DonationSnapshot> page = page(province, Math.min(limit, Paging.MAX_LIMIT), after);
        return new Rows(page.items().stream().map(DonationContract::body).toList(), page.nextCursor());
    }

    @Override
    public long count(Connection c, String province) {
        return donations.replicaCount(READER, node(province));
    }

    @Override
    public void apply(Connection c, Caller central, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            donations.restore(central, rows.stream().map(DonationContract::snapshot).toList());
        }
    }

    private Page<DonationSnapshot> page(String province, int limit, String after) {
        try {
            return donations.replicasOf(READER, node(province), limit, after);
        } catch (ValidationException e) {
            throw new ValidationException("after", "not a rebuild cursor: use the nextCursor of the previous page");
        }
    }

    private static String node(String province) {
        return "province:" + province;
    }
}
