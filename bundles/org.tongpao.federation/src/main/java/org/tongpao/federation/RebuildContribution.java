package org.tongpao.federation;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.tongpao.core.Caller;

/**
 * A section of the stream that rebuilds a provincial node from central (docs/federation.md, "Rebuilding a provincial
 * node"), brought by the glue bundle that owns its data: a whiteboard service registered with {@link #SECTION}. At
 * central it reads the province's records a page at a time; at the province being rebuilt it applies each page inside
 * the page's transaction, with the stream's cursor, so a run stopped anywhere resumes at the first page not applied.
 * Contributed sections follow the inventory's own (master data, lots, transfers), in the order of their names. A
 * section central serves that the province has no contribution for is skipped there (logged).
 *
 * @since 1.2
 */
@ConsumerType
public interface RebuildContribution {

    /** Service property: the section's name, lower case letters and dashes (e.g. {@code needs}). */
    String SECTION = "tongpao.federation.rebuild.section";

    /**
     * One read of a section.
     *
     * @param rows    the records, by codes (never the node's ids), as JSON-ready maps
     * @param nextKey where the section continues (the contribution's own keyset position), null when it is exhausted
     */
    record Rows(List<Map<String, Object>> rows, String nextKey) {
    }

    /**
     * At central: up to {@code limit} records of {@code province}'s section after {@code after} (null: the start), on
     * the page's read connection. A key this contribution did not give is a {@code ValidationException} naming
     * {@code after}.
     */
    Rows read(Connection c, String province, String after, int limit) throws Exception;

    /** At central: how many records the section holds for {@code province}, for the stream's manifest. */
    long count(Connection c, String province) throws Exception;

    /**
     * At the province: applies one page of rows inside the page's transaction ({@code c}, which the services this
     * node calls join), as {@code central} ({@code node:central}, the ministry). Throw to fail the run; it resumes
     * at this page.
     */
    void apply(Connection c, Caller central, List<Map<String, Object>> rows) throws Exception;

    /** At the province, once the whole stream is applied (e.g. continue a numbering above restored ids). */
    default void finish(Connection c) throws Exception {
    }
}
