package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Roles;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.Identities;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.RebuildContribution;

/**
 * Pulls a province's rebuild stream from central page by page and applies each page, with the cursor after it, in
 * one transaction: a run stopped anywhere (an error, a stop, {@code kill -9}) resumes at the first page not
 * applied, and no page is applied twice. Master data comes first, then the depots' stock, then the transfers in transit
 * to and from the depots (the transfer numbering continues above the province's from the first page); once the stream
 * is complete the lot numbering continues above every restored id and the run is DONE.
 */
final class RebuildRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RebuildRunner.class);
    static final String AUDIT_ENTITY = "federation-rebuild";
    private static final ObjectMapper ROWS = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROW_LIST = new TypeReference<>() { };

    private final DataSource ds;
    private final String province;
    private final PageSource source;
    private final MasterDataApplier masterData;
    private final TransferApplier transfers;
    private final RebuildContributions contributions;
    private final ReservedResets resets;
    private final AuditTrail audit;
    private final Clock clock;
    private final int pageSize;

    RebuildRunner(DataSource ds, String province, PageSource source, MasterDataApplier masterData,
            TransferApplier transfers, RebuildContributions contributions, ReservedResets resets, AuditTrail audit,
            Clock clock, int pageSize) {
        this.ds = ds;
        this.province = province;
        this.source = source;
        this.masterData = masterData;
        this.transfers = transfers;
        this.contributions = contributions;
        this.resets = resets;
        this.audit = audit;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Starts a rebuild, or resumes the unfinished one; refused (409) when this node already holds its stock. */
    RebuildRun begin(Caller by, String sourceName) {
        return Transactions.write(ds, "rebuild begin", c -> {
            RebuildRun current = RebuildRuns.current(c).orElse(null);
            if (current != null && current.unfinished()) {
                RebuildRuns.resume(c, current.id(), clock.instant());
                return RebuildRuns.byId(c, current.id());
            }
            long held = StockApplier.lotsHeld(c, province);
            if (held > 0) {
                throw new ConflictException("this node already holds " + held + " lot(s) of province " + province
                        + "'s depots; a rebuild restores into an empty ledger (a new install or a lost disk)");
            }
            RebuildRun run = RebuildRuns.start(c, province, sourceName, clock.instant());
            audit.record(c, by, AUDIT_ENTITY, Long.toString(run.id()), "STARTED", null, run);
            return run;
        });
    }

    /**
     * Applies pages until the stream is complete or {@code stop} says so (the run then stays RUNNING and resumes
     * later). A failure marks the run FAILED with its error and is rethrown; running again resumes it.
     */
    RebuildRun run(RebuildRun started, Caller by, BooleanSupplier stop, Consumer<RebuildRun> progress) {
        RebuildRun run = started;
        StockApplier stock = new StockApplier("province:" + province, "node:central", "rebuild-" + run.id());
        Caller central = new Caller("node:central", Set.of(Roles.MINISTRY_ADMIN), null, null, "rebuild-" + run.id());
        // the next page is read from central while this one is applied: central's read and the transfer overlap
        // with the local writes; a page read ahead is dropped if the run stops
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tongpao-rebuild-read");
            t.setDaemon(true);
            return t;
        });
        try {
            String first = run.cursor();
            Future<JsonNode> ahead = reader.submit(() -> source.page(first, pageSize));
            while (!stop.getAsBoolean()) {
                JsonNode page = await(ahead);
                if (!province.equals(page.path("province").asText())) {
                    throw new IllegalStateException("central sent province " + page.path("province").asText()
                            + "'s stream, not " + province + "'s");
                }
                String next = page.path("nextCursor").asText(null);
                ahead = next == null ? null : reader.submit(() -> source.page(next, pageSize));
                RebuildRun before = run;
                run = Transactions.enclosing(ds, "rebuild page", c -> apply(c, before, page, stock, central));
                progress.accept(run);
                if (next == null) {
                    long id = run.id();
                    return Transactions.write(ds, "rebuild finish", c -> finish(c, id, by));
                }
            }
            return run;
        } catch (IOException | RuntimeException e) {
            long id = run.id();
            LOG.warn("Rebuild run {} of province {} stopped after {} page(s): {}", id, province, run.pages(), e.toString());
            Transactions.write(ds, "rebuild failed", c -> {
                RebuildRuns.fail(c, id, e.getMessage(), clock.instant());
                return null;
            });
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        } finally {
            reader.shutdownNow();
        }
    }

    private static JsonNode await(Future<JsonNode> page) throws IOException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading from central", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    private RebuildRun apply(Connection c, RebuildRun run, JsonNode page, StockApplier stock, Caller central)
            throws SQLException {
        RebuildRun at = run;
        JsonNode manifest = page.path("manifest");
        if (run.cursor() == null && manifest.isObject()) {
            long next = Math.max(manifest.path("stock").path("maxOriginLotId").asLong(), StockApplier.maxLotId(c)) + 1;
            RebuildRuns.expect(c, run.id(), expected(manifest), next,
                    manifest.path("received").path("lastReceived").asText(null));
            TransferApplier.numberAbove(c, manifest.path("maxSentTransferId").asLong());
            Identities.continueAbove(c, "tp_inv_posting", manifest.path("stock").path("maxOriginPostingId").asLong());
            at = RebuildRuns.byId(c, run.id());
        }
        String section = page.path("section").asText();
        JsonNode rows = page.path("rows");
        long nextLocal = at.nextLocalLotId() == null ? StockApplier.maxLotId(c) + 1 : at.nextLocalLotId();
        long reserved = 0;
        if (RebuildCursor.LOTS.equals(section)) {
            Instant now = clock.instant();
            StockApplier.Applied applied = stock.apply(c, rows, nextLocal, now);
            nextLocal = applied.nextLocalLotId();
            reserved = applied.reservedDropped();
            resets.send(c, applied.reservedAtCentral(), now);
        } else if (RebuildCursor.TRANSFERS.equals(section)) {
            transfers.apply(central, "province:" + province, rows);
        } else if (RebuildCursor.SECTIONS.contains(section)) {
            masterData.apply(c, central, section, rows);
        } else {
            contributed(c, central, section, rows);
        }
        RebuildRuns.advance(c, at, page.path("nextCursor").asText(null), rows.size(), nextLocal, reserved,
                clock.instant());
        return RebuildRuns.byId(c, run.id());
    }

    /** A section another glue bundle contributes; skipped (logged) when this node has none for it. */
    private void contributed(Connection c, Caller central, String section, JsonNode rows) {
        Optional<RebuildContribution> contribution = contributions.of(section);
        if (contribution.isEmpty()) {
            LOG.warn("Rebuild of province {}: central sent {} record(s) of section {}, which no bundle on this node"
                    + " applies: skipped", province, rows.size(), section);
            return;
        }
        try {
            contribution.get().apply(c, central, ROWS.convertValue(rows, ROW_LIST));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("section " + section + ": " + e.getMessage(), e);
        }
    }

    private static long expected(JsonNode manifest) {
        JsonNode master = manifest.path("masterData");
        return master.path(RebuildCursor.UNITS).asLong() + master.path(RebuildCursor.ITEMS).asLong()
                + master.path(RebuildCursor.DEPOTS).asLong() + manifest.path("stock").path("lots").asLong()
                + manifest.path(RebuildCursor.TRANSFERS).asLong() + contributedCount(manifest.path("contributed"));
    }

    private static long contributedCount(JsonNode contributed) {
        long n = 0;
        for (JsonNode count : contributed) {
            n += count.asLong();
        }
        return n;
    }

    private RebuildRun finish(Connection c, long id, Caller by) throws Exception {
        StockApplier.continueNumbering(c, StockApplier.maxLotId(c));
        for (RebuildContribution contribution : contributions.all().values()) {
            contribution.finish(c);
        }
        RebuildRuns.finish(c, id, clock.instant());
        RebuildRun done = RebuildRuns.byId(c, id);
        audit.record(c, by, AUDIT_ENTITY, Long.toString(id), "FINISHED", null, done);
        LOG.info("Rebuild run {} of province {} finished: {} record(s) in {} page(s), {} reserved unit(s) not restored",
                id, province, done.rowsApplied(), done.pages(), done.reservedDropped());
        return done;
    }
}
