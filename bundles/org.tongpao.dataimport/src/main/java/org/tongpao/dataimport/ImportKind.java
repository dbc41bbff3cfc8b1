package org.tongpao.dataimport;

import java.util.List;
import java.util.Optional;

/**
 * What a file imports, its path segment under {@code /imports} and its columns (row 1 of the file names them; the
 * order does not matter, unknown columns are refused so a typo never drops data silently). Required columns must
 * be present and filled; optional ones may be absent or empty.
 */
public enum ImportKind {
    /** Items, by code: new codes are created, known ones updated where a value differs. Ministry admin. */
    CATALOGUE("catalogue", List.of(
            Column.required("code"), Column.required("categoryCode"), Column.required("name"),
            Column.optional("nameZh"), Column.required("unit"), Column.optional("standard"),
            Column.optional("shelfLifeMonths"))),
    /**
     * Org units, by code; {@code parentCode} names a unit above (it may be created earlier in the same file);
     * {@code level} MINISTRY, PROVINCE, PREFECTURE, COUNTY or STATION. A known code updates name, nameZh and frontLine.
     * Ministry admin.
     */
    ORG_UNITS("org-units", List.of(
            Column.required("code"), Column.required("name"), Column.optional("nameZh"), Column.required("level"),
            Column.optional("parentCode"), Column.optional("provinceCode"), Column.optional("frontLine"))),
    /** Depots, by code, owned by {@code orgUnitCode}; a known code updates name and address. Ministry admin. */
    DEPOTS("depots", List.of(
            Column.required("code"), Column.required("name"), Column.required("orgUnitCode"),
            Column.optional("address"))),
    /**
     * One lot per row, received with origin OPENING_BALANCE; {@code expiryDate} (yyyy-mm-dd) when the item has a
     * shelf life; {@code sourceDocument} defaults to the file's reference. Ministry admin, province officers and
     * depot keepers for the depots they may write.
     */
    OPENING_BALANCES("opening-balances", List.of(
            Column.required("depotCode"), Column.required("itemCode"), Column.required("quantity"),
            Column.optional("expiryDate"), Column.optional("sourceDocument"), Column.optional("note"))),
    /**
     * A physical count: per row the counted quantity of an item in a depot (across its lots, or one {@code lotId});
     * the rows of one depot are one count, whose differences the inventory books as COUNT adjustments. Same roles as
     * opening balances.
     */
    COUNTS("counts", List.of(
            Column.required("depotCode"), Column.required("itemCode"), Column.optional("lotId"),
            Column.required("counted")));

    private final String path;
    private final List<Column> columns;

    ImportKind(String path, List<Column> columns) {
        this.path = path;
        this.columns = columns;
    }

    /** The path segment, e.g. {@code opening-balances}. */
    public String path() {
        return path;
    }

    /** The columns, in the order a template lists them. */
    public List<Column> columns() {
        return columns;
    }

    /** The column headers, in template order. */
    public List<String> headers() {
        return columns.stream().map(Column::name).toList();
    }

    public static Optional<ImportKind> fromPath(String path) {
        for (ImportKind kind : values()) {
            if (kind.path.equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** A column of a layout: its header and whether every row must fill it. */
    public record Column(String name, boolean required) {
        static Column required(String name) {
            return new Column(name, true);
        }

        static Column optional(String name) {
            return new Column(name, false);
        }
    }
}
