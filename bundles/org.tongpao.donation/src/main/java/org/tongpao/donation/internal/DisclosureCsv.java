package org.tongpao.donation.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tongpao.donation.DisclosureEntry;
import org.tongpao.donation.PublicDestination;
import org.tongpao.donation.PublicItem;

/**
 * The disclosure list as CSV (RFC 4180 through Apache Commons CSV): one row per donation and item, with where that
 * item went. The same records as the JSON answer, so it carries no more than they do.
 */
public final class DisclosureCsv {
    public static final String MEDIA_TYPE = "text/csv";
    static final String[] HEADER = {"number", "donor", "donorKind", "province", "status", "designation",
        "lastReceivedOn", "itemCode", "item", "pledged", "accepted", "rejected", "whereabouts"};

    private DisclosureCsv() {
    }

    public static String write(List<DisclosureEntry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (DisclosureEntry e : entries) {
                for (PublicItem i : e.items()) {
                    csv.printRecord(e.number(), e.donor(), e.donorKind(), e.provinceCode(), e.status(),
                            e.designation(), e.lastReceivedOn(), i.itemCode(), i.itemName(), i.pledged(), i.accepted(),
                            i.rejected(), whereabouts(e.destinations(), i.itemCode()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory", e);
        }
        return out.toString();
    }

    /** E.g. "DELIVERED STATION front line 42: 300; IN_STOCK PROVINCE 42: 100". */
    static String whereabouts(List<PublicDestination> destinations, String itemCode) {
        return destinations.stream().filter(d -> itemCode != null && itemCode.equals(d.itemCode()))
                .map(d -> d.kind() + " " + d.level() + (d.frontLine() ? " front line" : "") + " "
                        + (d.provinceCode() == null ? "ministry" : d.provinceCode()) + ": " + d.quantity())
                .collect(Collectors.joining("; "));
    }
}
