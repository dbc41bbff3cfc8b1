package org.tongpao.donation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.donation.DisclosureEntry;
import org.tongpao.donation.PublicDestination;
import org.tongpao.donation.PublicItem;

/**
 * The disclosure list as a spreadsheet (CSV or XLSX, through the documents kit's {@link Spreadsheets}): one row per
 * donation and item, with where that item went. The same records as the JSON answer, so it carries no more than
 * they do.
 */
public final class DisclosureCsv {
    public static final List<String> HEADERS = List.of("number", "donor", "donorKind", "province", "status",
            "designation", "lastReceivedOn", "itemCode", "item", "pledged", "accepted", "rejected", "whereabouts");
    public static final String SHEET = "Donations";

    private DisclosureCsv() {
    }

    public static List<List<?>> rows(List<DisclosureEntry> entries) {
        List<List<?>> rows = new ArrayList<>();
        for (DisclosureEntry e : entries) {
            for (PublicItem i : e.items()) {
                rows.add(java.util.Arrays.asList(e.number(), e.donor(), e.donorKind().name(), e.provinceCode(),
                        e.status().name(), e.designation(), e.lastReceivedOn(), i.itemCode(), i.itemName(),
                        i.pledged(), i.accepted(), i.rejected(), whereabouts(e.destinations(), i.itemCode())));
            }
        }
        return rows;
    }

    public static void write(Spreadsheets sheets, SheetFormat format, List<DisclosureEntry> entries,
            OutputStream out) throws IOException {
        sheets.write(format, SHEET, HEADERS, rows(entries), out);
    }

    /** The CSV as text (tests, the console). */
    static String csv(Spreadsheets sheets, List<DisclosureEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(sheets, SheetFormat.CSV, entries, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** E.g. "DELIVERED STATION front line 42: 300; IN_STOCK PROVINCE 42: 100". */
    static String whereabouts(List<PublicDestination> destinations, String itemCode) {
        return destinations.stream().filter(d -> itemCode != null && itemCode.equals(d.itemCode()))
                .map(d -> d.kind() + " " + d.level() + (d.frontLine() ? " front line" : "") + " "
                        + (d.provinceCode() == null ? "ministry" : d.provinceCode()) + ": " + d.quantity())
                .collect(Collectors.joining("; "));
    }
}
