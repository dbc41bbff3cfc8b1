package org.tongpao.itests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Rule;
import org.junit.rules.Timeout;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;

/**
 * What the container classes that boot the central install (tongpao-central, demo mode) share: the
 * container options on a free port, the REST client for the port the container listens on, the kernel
 * services and the database the tests read, and the small look-ups every story needs. Pax Exam injects
 * the fields of this class and runs its {@code @Configuration} for each subclass, which stays one
 * container per class ({@code @ExamReactorStrategy(PerClass.class)} on the subclass).
 */
public abstract class CentralNode {
    /** The container's system property that lengthens {@link #hangGuard} (a benchmark's padding may need to). */
    public static final String HANG_MINUTES = "tongpao.it.hangMinutes";

    /**
     * A test that hangs fails after 10 minutes with the stack of the thread it is stuck in, instead of holding the
     * build until CI's own limit kills it without a word (the test runs in the container; its client only waits).
     */
    @Rule
    public final Timeout hangGuard = Timeout.builder().withTimeout(Long.getLong(HANG_MINUTES, 10), TimeUnit.MINUTES)
            .withLookingForStuckThread(true).build();

    @Inject
    @Filter("(dataSourceName=tongpao)")
    protected DataSource dataSource;

    @Inject
    protected DepotService depots;

    @Inject
    protected CatalogueService catalogue;

    @Inject
    protected OrgUnitService units;

    @Configuration
    public Option[] config() {
        return TongpaoContainer.options("central", TongpaoContainer.freePort());
    }

    /** The REST API of the container this test runs in (the port travels in as a system property). */
    protected static Api api() {
        return Api.at(Integer.getInteger("tongpao.http.port"));
    }

    /** Central's embedded broker in the container this test runs in (a free port per class). */
    protected static String brokerUrl() {
        return "tcp://127.0.0.1:" + Integer.getInteger("tongpao.broker.port");
    }

    protected long depot(String code) {
        return depots.getByCode(Caller.system("it"), code).id();
    }

    protected long count(String tableAndWhere) {
        return sum("SELECT COUNT(*) FROM " + tableAndWhere);
    }

    /** The first column of the first row of a query that answers one number (a count, a sum). */
    protected long sum(String sql) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            // Derby's exception classes do not exist in the test JVM: report the message, not the object
            throw new AssertionError(sql + ": " + e.getMessage());
        }
    }
}
