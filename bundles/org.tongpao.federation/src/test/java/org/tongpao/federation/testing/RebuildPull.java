package org.tongpao.federation.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.RebuildContribution;

/**
 * A contributed section of the rebuild stream pulled from central to a rebuilt node as the rebuild runs it: a page
 * read on central's database, its rows through JSON as over HTTP, applied as central's link inside the page's own
 * transaction on the rebuilt node, until the section's key is null.
 */
public final class RebuildPull {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RebuildPull() {
    }

    /** Pulls the whole section; returns how many pages it took. */
    public static int section(FederatedNode central, RebuildContribution atCentral, String province,
            FederatedNode rebuilt, RebuildContribution atProvince, Caller centralLink, int limit) {
        String after = null;
        int pages = 0;
        do {
            RebuildContribution.Rows page = page(central, atCentral, province, after, limit);
            apply(rebuilt, atProvince, centralLink, page.rows());
            after = page.nextKey();
            pages++;
        } while (after != null);
        return pages;
    }

    /** One page read at central after {@code after} (null: the start), its rows as they come over the wire. */
    public static RebuildContribution.Rows page(FederatedNode central, RebuildContribution atCentral, String province,
            String after, int limit) {
        RebuildContribution.Rows page = Transactions.read(central.core.ds, c -> atCentral.read(c, province, after,
                limit));
        if (page.rows().size() > limit) {
            throw new AssertionError("a page of " + page.rows().size() + " rows, above its limit " + limit);
        }
        return new RebuildContribution.Rows(overTheWire(page.rows()), page.nextKey());
    }

    /** Applies one page's rows on the rebuilt node in the page's transaction, as the rebuild does. */
    public static void apply(FederatedNode rebuilt, RebuildContribution atProvince, Caller centralLink,
            List<Map<String, Object>> rows) {
        Transactions.enclosing(rebuilt.core.ds, "rebuild page", c -> {
            atProvince.apply(c, centralLink, rows);
            return null;
        });
    }

    private static List<Map<String, Object>> overTheWire(List<Map<String, Object>> rows) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(new ArrayList<>(rows)), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
