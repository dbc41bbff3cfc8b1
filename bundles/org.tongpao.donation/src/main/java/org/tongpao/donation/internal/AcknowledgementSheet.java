package org.tongpao.donation.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.documents.Label;
import org.tongpao.documents.Sheet;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationReceiptLine;

/**
 * The printed acknowledgement: Chinese with English labels, the items accepted (and what was rejected, so the donor
 * learns it from us), the designation, and the donor code with the QR code of the public look-up.
 */
final class AcknowledgementSheet {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    private AcknowledgementSheet() {
    }

    /** An item's name as printed: code and Chinese name. */
    interface ItemNames {
        String of(long itemId);
    }

    static Sheet sheet(DonationReceipt r, String donor, String designation, String depot, String donorCode,
            String lookupUrl, ItemNames items, Instant printedAt) {
        List<List<String>> rows = new ArrayList<>();
        for (DonationReceiptLine l : r.lines()) {
            rows.add(List.of(items.of(l.itemId()), Long.toString(l.acceptedQuantity()),
                    Long.toString(l.rejectedQuantity()), l.rejectReason() == null ? "-" : l.rejectReason()));
        }
        Sheet.Builder b = Sheet.builder(Label.of("捐赠物资接收确认书", "Acknowledgement of donated goods"))
                .field("确认书编号", "Acknowledgement No.", r.acknowledgementNumber())
                .field("捐赠编号", "Donation No.", r.donationNumber())
                .field("捐赠方", "Donor", donor)
                .field("接收日期", "Received on", r.receivedOn().toString())
                .field("接收仓库", "Received into", depot)
                .field("指定用途", "Designation", designation)
                .table(List.of(Label.of("物资", "Item"), Label.of("接收数量", "Accepted"),
                        Label.of("拒收数量", "Rejected"), Label.of("拒收原因", "Reason")), rows)
                .field("捐赠查询码", "Donor code", donorCode);
        if (lookupUrl != null) {
            b.qr(lookupUrl, Label.of("扫码查询物资去向", "Scan to see where your donation went"));
        }
        return b.note("感谢您的捐赠。凭捐赠查询码可在公开页面查询物资去向（按单位层级和省份显示，不含个人信息）。"
                        + " Thank you for your donation. With the donor code you can follow where the goods went on "
                        + "the public page (by unit level and province; no personal data).")
                .footer("同袍 Tongpao · 打印 Printed " + TIME.format(printedAt))
                .build();
    }

    /** What a reprint shows instead of the code, which was printed once already (or is waiting for a writer). */
    static String codeIssued(Instant shownAt) {
        return shownAt == null ? "由捐赠受理人员打印 printed by the donation desk"
                : "已于 " + TIME.format(shownAt) + " 发出 issued " + TIME.format(shownAt) + " (Beijing)";
    }

    static String fileName(DonationReceipt r) {
        return "acknowledgement-" + r.acknowledgementNumber() + ".pdf";
    }
}
