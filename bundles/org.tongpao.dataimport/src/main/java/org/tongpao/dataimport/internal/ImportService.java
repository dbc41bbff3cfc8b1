package org.tongpao.dataimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.dataimport.DataImports;
import org.tongpao.dataimport.ImportKind;
import org.tongpao.dataimport.ImportResult;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.SheetRow;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.inventory.StockLedger;

/**
 * The imports. A file is spooled to a temporary file while its SHA-256 is taken (the request an Idempotency-Key is
 * held to, and the file's reference), its header row checked, then its rows are written through the owning services
 * inside one {@link Transactions#enclosing} transaction: every service call joins it under a savepoint, so a
 * refused row undoes only itself and the next rows are still checked; at the end any fault rolls the whole file
 * back, and a dry run always does.
 */
@Component(service = DataImports.class)
public class ImportService implements DataImports {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    static final Set<String> MASTER_DATA_ROLES = Set.of(Roles.MINISTRY_ADMIN);
    static final Set<String> STOCK_ROLES = Set.of(Roles.MINISTRY_ADMIN, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER);
    static final Set<String> EXPORT_ROLES = Set.of(Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.AUDITOR,
            Roles.PROVINCE_OFFICER);

    private final DataSource ds;
    private final Services services;
    private final IdempotencyKeys keys;
    private final Spreadsheets sheets;

    @Activate
    public ImportService(@Reference(target = "(tongpao.schema=inventory)") SchemaReady inventorySchema,
            @Reference CatalogueService catalogue, @Reference OrgUnitService units, @Reference DepotService depots,
            @Reference StockLedger ledger, @Reference IdempotencyKeys keys, @Reference Spreadsheets sheets) {
        this.ds = inventorySchema.dataSource();
        this.services = new Services(catalogue, units, depots, ledger);
        this.keys = keys;
        this.sheets = sheets;
    }

    @Override
    public ImportResult importFile(Caller caller, ImportKind kind, SheetFormat format, InputStream file,
            boolean dryRun, String idempotencyKey) throws IOException {
        requireImporter(caller, kind);
        Path spool = Files.createTempFile("tongpao-import-", "." + format.extension());
        try {
            String sha256 = spool(file, spool);
            String reference = sha256.substring(0, 16);
            checkHeaders(kind, format, spool);
            if (dryRun) {
                try {
                    Transactions.enclosing(ds, "import." + kind.path() + ".dry-run", c -> {
                        throw new DryRunDone(write(caller, kind, format, spool, reference, true));
                    });
                } catch (DryRunDone done) {
                    return done.result;
                }
                throw new IllegalStateException("a dry run always rolls back");
            }
            IdempotencyKeys.Claim claim = idempotencyKey == null ? null
                    : keys.begin(ds, caller, idempotencyKey, "import." + kind.path(),
                            Map.of("kind", kind.path(), "sha256", sha256));
            if (claim != null && claim.replay().isPresent()) {
                return Outcomes.result(kind, claim.replay().get());
            }
            try {
                return Transactions.enclosing(ds, "import." + kind.path(), c -> {
                    ImportResult result = write(caller, kind, format, spool, reference, false);
                    if (claim != null) {
                        claim.complete(c, Outcomes.ref(result));
                    }
                    return result;
                });
            } catch (RuntimeException | Error e) {
                if (claim != null) {
                    claim.fail(e);
                }
                throw e;
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static void requireImporter(Caller caller, ImportKind kind) {
        Set<String> allowed = switch (kind) {
            case CATALOGUE, ORG_UNITS, DEPOTS -> MASTER_DATA_ROLES;
            case OPENING_BALANCES, COUNTS -> STOCK_ROLES;
        };
        if (allowed.stream().noneMatch(caller::hasRole)) {
            throw new AccessDeniedException("importing " + kind.path() + " needs one of the roles " + allowed);
        }
    }

    /** Copies the body to {@code spool} and answers its SHA-256 in hex. */
    private static String spool(InputStream file, Path spool) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (OutputStream out = Files.newOutputStream(spool)) {
            new DigestInputStream(file, sha).transferTo(out);
        }
        if (Files.size(spool) == 0) {
            throw new ValidationException("file", "the file is empty");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Row 1 must name every required column, no unknown or repeated one: else the file is refused at once. */
    private void checkHeaders(ImportKind kind, SheetFormat format, Path spool) throws IOException {
        try (SheetReader reader = open(format, spool)) {
            Errors errors = new Errors();
            Set<String> known = new HashSet<>(kind.headers());
            Set<String> seen = new HashSet<>();
            for (String header : reader.headers()) {
                if (header.isEmpty()) {
                    continue;
                }
                if (!known.contains(header)) {
                    errors.add(1, header, header, "unknown column; the columns are " + kind.headers());
                } else if (!seen.add(header)) {
                    errors.add(1, header, header, "the column " + header + " appears twice");
                }
            }
            for (ImportKind.Column column : kind.columns()) {
                if (column.required() && !seen.contains(column.name())) {
                    errors.add(1, column.name(), null, "the column " + column.name() + " is missing");
                }
            }
            if (errors.any()) {
                throw errors.refusal();
            }
        }
    }

    private SheetReader open(SheetFormat format, Path spool) throws IOException {
        try {
            return sheets.read(format, Files.newInputStream(spool));
        } catch (IOException e) {
            LOG.debug("An uploaded file is not {}", format, e);
            throw new ValidationException("file", "the file cannot be read as " + format.name() + " ("
                    + format.mediaType() + ")");
        }
    }

    /** All rows through the kind's writer; throws the refusal when any row failed. Runs inside the transaction. */
    private ImportResult write(Caller caller, ImportKind kind, SheetFormat format, Path spool, String reference,
            boolean dryRun) throws IOException {
        Errors errors = new Errors();
        RowWriter writer = RowWriter.of(kind, caller, services, reference);
        int rows = 0;
        try (SheetReader reader = open(format, spool)) {
            for (SheetRow row : reader) {
                rows++;
                writer.row(new Cells(row), errors);
            }
        } catch (UncheckedIOException e) {
            LOG.debug("An uploaded file broke off after {} rows", rows, e);
            errors.add(rows + 2, null, null, "the file cannot be read past this row (" + format.name() + ")");
        }
        writer.finish(errors);
        if (rows == 0 && !errors.any()) {
            throw new ValidationException("file", "the file has a header row but no data rows");
        }
        if (errors.any()) {
            throw errors.refusal();
        }
        RowWriter.Counts counts = writer.counts();
        return new ImportResult(kind, dryRun, rows, counts.created(), counts.updated(), counts.unchanged(),
                reference);
    }

    @Override
    public void template(ImportKind kind, SheetFormat format, OutputStream out) throws IOException {
        sheets.write(format, kind.path(), kind.headers(), List.of(), out);
    }

    @Override
    public void export(Caller caller, ImportKind kind, SheetFormat format, OutputStream out) throws IOException {
        if (EXPORT_ROLES.stream().noneMatch(caller::hasRole)) {
            throw new AccessDeniedException("exporting " + kind.path() + " needs one of the roles " + EXPORT_ROLES);
        }
        Iterable<List<?>> rows = switch (kind) {
            case CATALOGUE -> Exports.catalogue(caller, services.catalogue());
            case ORG_UNITS -> Exports.orgUnits(caller, services.units());
            case DEPOTS -> Exports.depots(caller, services.depots(), services.units());
            default -> throw new ValidationException("kind", kind.path() + " has no export; its template is "
                    + "GET /imports/" + kind.path() + "/template");
        };
        sheets.write(format, kind.path(), kind.headers(), rows, out);
    }

    /** Carries a dry run's result out of the transaction it rolls back. */
    private static final class DryRunDone extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ImportResult result;

        DryRunDone(ImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** The result kept with an Idempotency-Key: its counts in the reference's id. */
    static final class Outcomes {
        private Outcomes() {
        }

        static Ref ref(ImportResult r) {
            return new Ref("import-" + r.kind().path(), r.rows() + "." + r.created() + "." + r.updated() + "."
                    + r.unchanged() + "." + r.reference());
        }

        static ImportResult result(ImportKind kind, Ref ref) {
            String[] p = ref.id().split("\\.");
            return new ImportResult(kind, false, Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                    Integer.parseInt(p[2]), Integer.parseInt(p[3]), p[4]);
        }
    }

    /** The owning services. */
    record Services(CatalogueService catalogue, OrgUnitService units, DepotService depots, StockLedger ledger) {
    }
}
