package org.tongpao.dataimport.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.Item;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewItem;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.ValidationException;
import org.tongpao.dataimport.ImportKind;
import org.tongpao.dataimport.internal.Cells.RowFault;
import org.tongpao.dataimport.internal.ImportService.Services;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.ReceiptsRefusedException;

/**
 * Writes a file's rows of one kind through the owning service, a row at a time: a cell that does not parse, a code
 * that names nothing the caller can see, or a service's refusal becomes the row's error (the service call's own
 * savepoint undid it) and the next row goes on.
 */
abstract class RowWriter {
    /** What the rows did. */
    record Counts(int created, int updated, int unchanged) {
    }

    protected final Caller caller;
    protected final Services services;
    /** A service's field name → the column it came from (ids in the services are codes in a file). */
    private final Map<String, String> columnOfField;
    private final java.util.Set<String> columns;
    private final Map<String, Long> depotIds = new HashMap<>();
    private final Map<String, Long> itemIds = new HashMap<>();
    protected int created;
    protected int updated;
    protected int unchanged;

    RowWriter(ImportKind kind, Caller caller, Services services, Map<String, String> columnOfField) {
        this.caller = caller;
        this.services = services;
        this.columnOfField = columnOfField;
        this.columns = java.util.Set.copyOf(kind.headers());
    }

    static RowWriter of(ImportKind kind, Caller caller, Services services, String reference) {
        return switch (kind) {
            case CATALOGUE -> new CatalogueRows(caller, services);
            case ORG_UNITS -> new OrgUnitRows(caller, services);
            case DEPOTS -> new DepotRows(caller, services);
            case OPENING_BALANCES -> new OpeningBalanceRows(caller, services, reference);
            case COUNTS -> new CountRows(caller, services, reference);
        };
    }

    /** Writes one row, or records why not. */
    final void row(Cells cells, Errors errors) {
        try {
            write(cells);
        } catch (RowFault f) {
            errors.add(cells.number(), f.column, f.value, f.getMessage());
        } catch (TongpaoException e) {
            String column = column(e);
            errors.add(cells.number(), column, column == null ? null : cells.text(column), message(e));
        }
    }

    abstract void write(Cells cells);

    /** After the last row (counts are written per depot at the end). */
    void finish(Errors errors) {
    }

    Counts counts() {
        return new Counts(created, updated, unchanged);
    }

    private String column(TongpaoException e) {
        return columnOf(e instanceof ValidationException v ? v.field()
                : e instanceof NotFoundException n ? n.field()
                : e instanceof ConflictException c ? c.field() : null);
    }

    /** The file's column a service's field name stands for, or null. */
    protected String columnOf(String field) {
        if (field == null) {
            return null;
        }
        // lines[3].counted → counted
        String bare = field.replaceAll("^.*\\]\\.", "");
        return columnOfField.getOrDefault(bare, columns.contains(bare) ? bare : null);
    }

    private static String message(TongpaoException e) {
        if (e instanceof AccessDeniedException) {
            return "not allowed: " + e.getMessage();
        }
        return e.getMessage();
    }

    private final Map<String, Integer> codeRows = new HashMap<>();

    /** The row's {@code code}, once per file: a second row of the same code would silently win over the first. */
    protected String code(Cells cells) {
        String code = required(cells, "code");
        Integer earlier = codeRows.putIfAbsent(code, cells.number());
        if (earlier != null) {
            throw new RowFault("code", code, "code " + code + " is already in row " + earlier);
        }
        return code;
    }

    protected static String required(Cells cells, String column) {
        String v = cells.text(column);
        if (v == null) {
            throw new RowFault(column, null, column + " is required");
        }
        return v;
    }

    /** The depot of a code the caller can see (another province's depot reads as unknown, as in the API). */
    protected long depot(Cells cells, String column) {
        String code = required(cells, column);
        Long id = depotIds.computeIfAbsent(code, c -> {
            try {
                return services.depots().getByCode(caller, c).id();
            } catch (NotFoundException e) {
                return -1L;
            }
        });
        if (id < 0) {
            throw new RowFault(column, code, "unknown depot " + code);
        }
        return id;
    }

    protected long item(Cells cells, String column) {
        String code = required(cells, column);
        Long id = itemIds.computeIfAbsent(code, c -> {
            try {
                return services.catalogue().getByCode(caller, c).id();
            } catch (NotFoundException e) {
                return -1L;
            }
        });
        if (id < 0) {
            throw new RowFault(column, code, "unknown item " + code);
        }
        return id;
    }

    /** Items by code: new ones created, known ones updated when a value differs. */
    static final class CatalogueRows extends RowWriter {
        CatalogueRows(Caller caller, Services services) {
            super(ImportKind.CATALOGUE, caller, services, Map.of("category", "categoryCode"));
        }

        @Override
        void write(Cells cells) {
            String code = code(cells);
            NewItem wanted = new NewItem(code, cells.text("categoryCode"), cells.text("name"), cells.text("nameZh"),
                    cells.text("unit"), cells.text("standard"), cells.integer("shelfLifeMonths"));
            Item known = find(code);
            if (known == null) {
                services.catalogue().create(caller, wanted, null);
                created++;
                return;
            }
            if (Objects.equals(known.categoryCode(), wanted.categoryCode()) && Objects.equals(known.name(), wanted.name())
                    && Objects.equals(known.nameZh(), wanted.nameZh()) && Objects.equals(known.unit(), wanted.unit())
                    && Objects.equals(known.standard(), wanted.standard())
                    && Objects.equals(known.shelfLifeMonths(), wanted.shelfLifeMonths())) {
                unchanged++;
                return;
            }
            services.catalogue().update(caller, known.id(), new ItemUpdate(wanted.categoryCode(), wanted.name(),
                    wanted.nameZh(), wanted.unit(), wanted.standard(), wanted.shelfLifeMonths(), known.version()), null);
            updated++;
        }

        private Item find(String code) {
            try {
                return services.catalogue().getByCode(caller, code);
            } catch (NotFoundException e) {
                return null;
            }
        }
    }

    /** Org units by code, parents by code (earlier rows of the file included). */
    static final class OrgUnitRows extends RowWriter {
        OrgUnitRows(Caller caller, Services services) {
            super(ImportKind.ORG_UNITS, caller, services, Map.of("parentId", "parentCode"));
        }

        @Override
        void write(Cells cells) {
            String code = code(cells);
            OrgLevel level = level(cells);
            String parentCode = cells.text("parentCode");
            Long parentId = parentCode == null ? null : unit(parentCode, "parentCode").id();
            Boolean frontLine = cells.bool("frontLine");
            OrgUnit known = find(code);
            if (known == null) {
                services.units().create(caller, new NewOrgUnit(code, cells.text("name"), cells.text("nameZh"), level,
                        parentId, cells.text("provinceCode"), frontLine), null);
                created++;
                return;
            }
            if (known.level() != level) {
                throw new RowFault("level", cells.text("level"), "unit " + code + " is a " + known.level()
                        + " unit; an import does not move units");
            }
            if (!Objects.equals(known.parentId(), parentId)) {
                throw new RowFault("parentCode", parentCode, "unit " + code + " sits under another unit; an import "
                        + "does not move units");
            }
            String province = cells.text("provinceCode");
            if (province != null && !province.equals(known.provinceCode())) {
                throw new RowFault("provinceCode", province, "unit " + code + " belongs to province "
                        + known.provinceCode());
            }
            boolean front = frontLine == null ? known.frontLine() : frontLine;
            if (Objects.equals(known.name(), cells.text("name")) && Objects.equals(known.nameZh(), cells.text("nameZh"))
                    && known.frontLine() == front) {
                unchanged++;
                return;
            }
            services.units().update(caller, known.id(), new OrgUnitUpdate(cells.text("name"), cells.text("nameZh"),
                    front, known.version()), null);
            updated++;
        }

        private static OrgLevel level(Cells cells) {
            String v = required(cells, "level");
            try {
                return OrgLevel.valueOf(v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowFault("level", v, "level must be one of " + java.util.Arrays.toString(OrgLevel.values()));
            }
        }

        private OrgUnit unit(String code, String column) {
            try {
                return services.units().getByCode(caller, code);
            } catch (NotFoundException e) {
                throw new RowFault(column, code, "unknown org unit " + code);
            }
        }

        private OrgUnit find(String code) {
            try {
                return services.units().getByCode(caller, code);
            } catch (NotFoundException e) {
                return null;
            }
        }
    }

    /** Depots by code, owners by org unit code. */
    static final class DepotRows extends RowWriter {
        DepotRows(Caller caller, Services services) {
            super(ImportKind.DEPOTS, caller, services, Map.of("orgUnitId", "orgUnitCode"));
        }

        @Override
        void write(Cells cells) {
            String code = code(cells);
            String ownerCode = required(cells, "orgUnitCode");
            OrgUnit owner;
            try {
                owner = services.units().getByCode(caller, ownerCode);
            } catch (NotFoundException e) {
                throw new RowFault("orgUnitCode", ownerCode, "unknown org unit " + ownerCode);
            }
            Depot known;
            try {
                known = services.depots().getByCode(caller, code);
            } catch (NotFoundException e) {
                known = null;
            }
            if (known == null) {
                services.depots().create(caller, new NewDepot(code, cells.text("name"), owner.id(),
                        cells.text("address")), null);
                created++;
                return;
            }
            if (known.orgUnitId() != owner.id()) {
                throw new RowFault("orgUnitCode", ownerCode, "depot " + code + " belongs to another unit; an import "
                        + "does not move depots");
            }
            if (Objects.equals(known.name(), cells.text("name"))
                    && Objects.equals(known.address(), cells.text("address"))) {
                unchanged++;
                return;
            }
            services.depots().update(caller, known.id(), new DepotUpdate(cells.text("name"), cells.text("address"),
                    known.version()), null);
            updated++;
        }
    }

    /**
     * One OPENING_BALANCE receipt (a lot) per row, gathered and received at the end in one
     * {@code StockLedger.receiveAll}: the ledger's batched write, with the single receipt's rules applied to every row.
     * When other rows already failed, the receipts are only checked ({@code checkReceipts}), so that every bad row is
     * named and nothing is written for a file that will be refused.
     */
    static final class OpeningBalanceRows extends RowWriter {
        private static final List<String> KEPT = List.of("depotCode", "itemCode", "quantity", "expiryDate",
                "sourceDocument", "note");
        private final String source;
        private final List<NewReceipt> receipts = new ArrayList<>();
        /** Per receipt: its row number and the texts of {@link #KEPT}, to name a refused receipt's row and value. */
        private final List<Object[]> rows = new ArrayList<>();

        OpeningBalanceRows(Caller caller, Services services, String reference) {
            super(ImportKind.OPENING_BALANCES, caller, services, Map.of("depotId", "depotCode", "itemId", "itemCode"));
            this.source = "IMPORT-" + reference;
        }

        @Override
        void write(Cells cells) {
            long depotId = depot(cells, "depotCode");
            long itemId = item(cells, "itemCode");
            Long quantity = cells.whole("quantity");
            if (quantity == null) {
                throw new RowFault("quantity", null, "quantity is required");
            }
            String document = cells.text("sourceDocument");
            receipts.add(NewReceipt.builder().depotId(depotId).itemId(itemId).quantity(quantity)
                    .origin(LotOrigin.OPENING_BALANCE).sourceDocument(document == null ? source : document)
                    .expiryDate(cells.date("expiryDate")).note(cells.text("note")).build());
            Object[] row = new Object[KEPT.size() + 1];
            row[0] = cells.number();
            for (int i = 0; i < KEPT.size(); i++) {
                row[i + 1] = cells.text(KEPT.get(i));
            }
            rows.add(row);
        }

        @Override
        void finish(Errors errors) {
            if (receipts.isEmpty()) {
                return;
            }
            try {
                if (errors.any()) {
                    services.ledger().checkReceipts(caller, receipts);
                } else {
                    services.ledger().receiveAll(caller, receipts, null); // the import holds the file's key
                    created = receipts.size();
                }
            } catch (ReceiptsRefusedException e) {
                for (ReceiptsRefusedException.Fault fault : e.faults()) {
                    Object[] row = rows.get(fault.index());
                    String column = columnOf(fault.field());
                    int kept = column == null ? -1 : KEPT.indexOf(column);
                    errors.add((Integer) row[0], column, kept < 0 ? null : (String) row[kept + 1], fault.message());
                }
                errors.counted(e.faultCount() - e.faults().size());
            }
        }
    }

    /**
     * Count lines gathered per depot, then one count per depot (in pieces of the inventory's 1,000 lines); an item
     * (or lot) counted twice in a depot is an error of the second row.
     */
    static final class CountRows extends RowWriter {
        private static final int MAX_LINES = 1_000;
        private final String note;
        private final Map<Long, List<Line>> byDepot = new LinkedHashMap<>();
        private final Map<String, Integer> firstRow = new HashMap<>();

        private record Line(int row, NewCount.Line line) {
        }

        CountRows(Caller caller, Services services, String reference) {
            super(ImportKind.COUNTS, caller, services, Map.of("depotId", "depotCode", "itemId", "itemCode", "lotId", "lotId",
                    "counted", "counted"));
            this.note = "import " + reference;
        }

        @Override
        void write(Cells cells) {
            long depotId = depot(cells, "depotCode");
            long itemId = item(cells, "itemCode");
            Long lotId = cells.whole("lotId");
            Long counted = cells.whole("counted");
            if (counted == null) {
                throw new RowFault("counted", null, "counted is required");
            }
            if (counted < 0) {
                throw new RowFault("counted", cells.text("counted"), "counted must be zero or more");
            }
            String key = depotId + "/" + itemId + "/" + lotId;
            Integer earlier = firstRow.putIfAbsent(key, cells.number());
            if (earlier != null) {
                throw new RowFault(lotId == null ? "itemCode" : "lotId", lotId == null ? cells.text("itemCode")
                        : cells.text("lotId"), "counted already in row " + earlier);
            }
            byDepot.computeIfAbsent(depotId, d -> new ArrayList<>()).add(new Line(cells.number(),
                    new NewCount.Line(itemId, lotId, counted)));
        }

        @Override
        void finish(Errors errors) {
            for (Map.Entry<Long, List<Line>> depot : byDepot.entrySet()) {
                List<Line> lines = depot.getValue();
                for (int from = 0; from < lines.size(); from += MAX_LINES) {
                    List<Line> piece = lines.subList(from, Math.min(lines.size(), from + MAX_LINES));
                    try {
                        services.ledger().count(caller, new NewCount(depot.getKey(),
                                piece.stream().map(Line::line).toList(), note), null);
                        updated++;
                        created += piece.size();
                    } catch (TongpaoException e) {
                        // the inventory names the line (lines[3].lotId): the error belongs to that row
                        int row = lineRow(e, piece);
                        String column = e instanceof ValidationException v && v.field() != null
                                ? v.field().replaceAll("^.*\\]\\.", "") : null;
                        column = column == null ? null : Map.of("itemId", "itemCode", "lotId", "lotId", "counted",
                                "counted").get(column);
                        errors.add(row, column, null, e.getMessage());
                    }
                }
            }
        }

        private static int lineRow(TongpaoException e, List<Line> piece) {
            String field = e instanceof ValidationException v ? v.field()
                    : e instanceof NotFoundException n ? n.field() : null;
            if (field != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("lines\\[(\\d+)\\]").matcher(field);
                if (m.find()) {
                    int i = Integer.parseInt(m.group(1));
                    if (i < piece.size()) {
                        return piece.get(i).row();
                    }
                }
            }
            return piece.get(0).row();
        }
    }
}
