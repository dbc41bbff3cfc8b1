package org.tongpao.federation.allocation.internal.needs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.NeedState;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.federation.RebuildContribution;

/**
 * The rebuild's {@code needs} section (federation 1.2): the open needs the province raised, as central's copies hold
 * them ({@code need.changed}'s fields, keyed {@code province:<code>/<id there>}), restored on the rebuilt node under
 * their own ids through {@link NeedService#restore} (allocation 1.5), so their later {@code need.changed} still match
 * central's copies. Fulfilled and cancelled needs stay at central (the national history); central's own needs for
 * the province's units are central's. Read by their source node ({@link NeedService#replicasOf}, allocation 1.6),
 * keyset on the need service's own cursor.
 */
@Component(property = RebuildContribution.SECTION + "=needs")
public class NeedsRebuild implements RebuildContribution {
    private static final Set<NeedState> OPEN = EnumSet.of(NeedState.OPEN, NeedState.PARTLY_ALLOCATED,
            NeedState.ALLOCATED);
    private final NeedService needs;

    @Activate
    public NeedsRebuild(@Reference NeedService needs) {
        this.needs = needs;
    }

    @Override
    public Rows read(Connection c, String province, String after, int limit) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = after;
        do {
            Page<Need> page = page(province, Math.min(limit - rows.size(), Paging.MAX_LIMIT), cursor);
            for (Need n : page.items()) {
                rows.add(row(c, n));
            }
            cursor = page.nextCursor();
        } while (cursor != null && rows.size() < limit);
        return new Rows(rows, cursor);
    }

    @Override
    public long count(Connection c, String province) {
        long n = 0;
        String cursor = null;
        do {
            Page<Need> page = page(province, Paging.MAX_LIMIT, cursor);
            n += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return n;
    }

    @Override
    public void apply(Connection c, Caller central, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            needs.restore(central, rows.stream().map(NeedContracts::replica).toList());
        }
    }

    /**
     * The open needs the province raised (central's copies of them, not those central raised for the province's
     * units), read by their source node through allocation 1.6: never the country's needs.
     */
    private Page<Need> page(String province, int limit, String cursor) {
        try {
            return needs.replicasOf(Caller.system("rebuild-needs"), "province:" + province, OPEN, limit, cursor);
        } catch (ValidationException e) {
            throw new ValidationException("after", "not a rebuild cursor: use the nextCursor of the previous page");
        }
    }

    /** The copy as {@code need.changed} carries it: codes, never central's ids. */
    private static Map<String, Object> row(Connection c, Need n) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("need", n.source());
        row.put("unitCode", n.unitCode());
        row.put("itemCode", NeedContracts.code(c, "item", n.itemId()));
        row.put("categoryCode", n.categoryCode());
        row.put("quantity", n.quantity());
        row.put("allocated", n.allocated());
        row.put("received", n.received());
        row.put("urgency", n.urgency().name());
        row.put("frontLine", n.frontLine());
        row.put("neededBy", n.neededBy() == null ? null : n.neededBy().toString());
        row.put("justification", n.justification());
        row.put("daysOfCoverLeft", n.daysOfCoverLeft());
        row.put("receivingDepotCode", NeedContracts.code(c, "depot", n.receivingDepotId()));
        row.put("state", n.state().name());
        row.put("createdBy", n.createdBy());
        row.put("createdAt", n.createdAt().toString());
        row.put("updatedAt", n.updatedAt().toString());
        row.put("version", n.version());
        row.values().removeIf(Objects::isNull);
        return row;
    }
}
