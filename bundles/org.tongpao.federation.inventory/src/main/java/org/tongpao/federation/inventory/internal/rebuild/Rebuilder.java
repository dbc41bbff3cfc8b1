package org.tongpao.federation.inventory.internal.rebuild;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.ConflictException;
import org.tongpao.core.DepotService;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.Federation;
import org.tongpao.federation.SnapshotSequences;
import org.tongpao.inventory.CrossNodeTransfers;

/**
 * A provincial node's rebuild from central: starts or resumes a run (in the background for REST, in the
 * foreground for the console), resumes a run that a stop or {@code kill -9} interrupted when the node starts
 * again, and tells the write barrier whether ordinary writes must wait. Central's address comes from
 * {@code org.tongpao.federation.rebuild}; the node's credentials from federation's own configuration
 * ({@code org.tongpao.federation}: {@code user}, {@code password}).
 */
@Component(service = Rebuilder.class, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        configurationPid = {"org.tongpao.federation", Rebuilder.PID})
// no @Designate: metatype describes one PID, and the credentials come from federation's own
public class Rebuilder {
    static final String PID = "org.tongpao.federation.rebuild";
    private static final Logger LOG = LoggerFactory.getLogger(Rebuilder.class);
    /** Who the messages a rebuild sends name as their actor (central's audit shows it after the sending node). */
    static final String ACTOR = "rebuild";

    @ObjectClassDefinition(name = "Tongpao federation: rebuilding a provincial node",
            description = "Where a provincial node reads its state from central when it is rebuilt")
    public @interface Config {
        @AttributeDefinition(description = "Central's REST API, e.g. http://central.example:8181/api/v1")
        String centralApi() default "";

        @AttributeDefinition(description = "This node's user at central (node-<code>); shared with federation's link")
        String user() default "";

        @AttributeDefinition(description = "This node's password at central", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(description = "Lots per page read from central (1-20000)")
        int pageSize() default RebuildSource.DEFAULT_LIMIT;
    }

    private final DataSource ds;
    private final NodeIdentity node;
    private final MasterDataApplier masterData;
    private final TransferApplier transfers;
    private final RebuildContributions contributions;
    private final ReservedResets resets;
    private final AuditTrail audit;
    private final Config config;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean refusingWrites;
    private volatile Thread worker;

    @Activate
    public Rebuilder(@Reference(target = RebuildSchema.READY) SchemaReady schema, @Reference NodeIdentity node,
            @Reference OrgUnitService units, @Reference CatalogueService catalogue, @Reference DepotService depots,
            @Reference SnapshotSequences sequences, @Reference CrossNodeTransfers transfers, @Reference RebuildContributions contributions,
            @Reference Federation federation, @Reference AuditTrail audit, Config config) {
        this(schema.dataSource(), node, new MasterDataApplier(units, catalogue, depots, sequences),
                new TransferApplier(transfers), contributions, new ReservedResets(federation, ACTOR), audit, config,
                Clock.systemUTC());
        status().filter(r -> RebuildRun.RUNNING.equals(r.state())).ifPresent(r -> {
            LOG.info("Resuming rebuild run {} of province {} where it stopped ({} record(s) applied)", r.id(),
                    r.province(), r.rowsApplied());
            start(Caller.system("rebuild-resume-" + r.id()));
        });
    }

    Rebuilder(DataSource ds, NodeIdentity node, MasterDataApplier masterData, TransferApplier transfers,
            RebuildContributions contributions, ReservedResets resets, AuditTrail audit, Config config, Clock clock) {
        this.ds = ds;
        this.node = node;
        this.masterData = masterData;
        this.transfers = transfers;
        this.contributions = contributions;
        this.resets = resets;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.refusingWrites = status().map(RebuildRun::unfinished).orElse(false);
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping.set(true);
        Thread t = worker;
        if (t != null) {
            t.join(10_000);
        }
    }

    /** The newest run on this node, if any. */
    public Optional<RebuildRun> status() {
        return Transactions.read(ds, RebuildRuns::current);
    }

    /** Whether ordinary writes must wait: a rebuild started and has not finished. */
    public boolean refusingWrites() {
        return refusingWrites;
    }

    /** Starts (or resumes) the rebuild on a background thread and answers the run as it starts. */
    public RebuildRun start(Caller by) {
        RebuildRunner runner = runner(source());
        claim();
        try {
            RebuildRun run = runner.begin(by, config.centralApi());
            refusingWrites = true;
            Thread t = new Thread(() -> {
                try {
                    runAndRelease(runner, run, by, r -> { });
                } catch (RuntimeException e) {
                    // the run is FAILED with its error (GET /federation/rebuild); running it again resumes it
                    LOG.error("Rebuild run {} stopped", run.id(), e);
                }
            }, "tongpao-rebuild");
            t.setDaemon(true);
            worker = t;
            t.start();
            return run;
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** Runs (or resumes) the rebuild on this thread, reporting each page applied; answers the run as it ended. */
    public RebuildRun runHere(Caller by, Consumer<RebuildRun> progress) {
        return runHere(by, source(), progress);
    }

    RebuildRun runHere(Caller by, PageSource source, Consumer<RebuildRun> progress) {
        RebuildRunner runner = runner(source);
        claim();
        RebuildRun run;
        try {
            run = runner.begin(by, config.centralApi());
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        refusingWrites = true;
        return runAndRelease(runner, run, by, progress);
    }

    private RebuildRun runAndRelease(RebuildRunner runner, RebuildRun run, Caller by, Consumer<RebuildRun> progress) {
        try {
            RebuildRun end = runner.run(run, by, stopping::get, progress);
            refusingWrites = end.unfinished();
            return end;
        } finally {
            running.set(false);
            worker = null;
        }
    }

    private void claim() {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("a rebuild is already running on this node");
        }
    }

    private RebuildRunner runner(PageSource source) {
        String province = node.provinceCode().orElseThrow(() -> new ConflictException(
                "only a provincial node is rebuilt from central; this is " + node.id()));
        return new RebuildRunner(ds, province, source, masterData, transfers, contributions, resets, audit, clock,
                Math.max(1, Math.min(config.pageSize(), RebuildSource.MAX_LIMIT)));
    }

    private PageSource source() {
        if (node.provinceCode().isEmpty()) {
            throw new ConflictException("only a provincial node is rebuilt from central; this is " + node.id());
        }
        if (config.centralApi().isBlank() || config.user().isBlank()) {
            throw new ConflictException("central's address is not configured: set centralApi in " + PID
                    + " and user/password in org.tongpao.federation");
        }
        return new HttpPageSource(config.centralApi(), node.provinceCode().orElse(""), config.user(), config.password());
    }
}
