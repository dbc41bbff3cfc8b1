package org.tongpao.reporting.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tongpao.documents.Label;
import org.tongpao.documents.Sheet;
import org.tongpao.reporting.DailyReport;

/** The daily report as a document: Chinese with English labels, rendered by the documents kit. */
public final class DailySheet {
    /** Times print in Beijing time, as the bureau reads them; the JSON keeps UTC instants. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'CST'")
            .withZone(BEIJING);

    private DailySheet() {
    }

    public static Sheet of(DailyReport r) {
        Sheet.Builder b = Sheet.builder(Label.of("应急物资日报", "Daily situation report"))
                .field("截止时间", "As of", TIME.format(r.asOf()))
                .field("统计区间", "Period", TIME.format(r.from()) + " – " + TIME.format(r.asOf()))
                .field("范围", "Scope", "national".equals(r.scope()) ? "全国 National" : r.scope());
        b.note("库存与当日收发 Stock and the day's movements");
        b.table(List.of(Label.of("地区", "Province"), Label.of("类别", "Category"), Label.of("库存", "On hand"),
                Label.of("入库", "Received"), Label.of("发放", "Issued"), Label.of("调出", "Out"),
                Label.of("调入", "In"), Label.of("报损", "Written off"), Label.of("调整", "Adjusted")),
                r.stock().stream().map(s -> List.of(s.place().nameZh(), s.categoryCode(), num(s.onHand()),
                        num(s.received()), num(s.issued()), num(s.transferredOut()), num(s.transferredIn()),
                        num(s.writtenOff()), num(s.adjusted()))).toList());
        b.note("在途物资 Goods in transit");
        b.table(List.of(Label.of("目的地", "To"), Label.of("物资", "Item"), Label.of("数量", "Quantity"),
                Label.of("调拨单数", "Transfers")), r.inTransit().stream().map(t -> List.of(t.to().nameZh(),
                        t.itemCode(), num(t.quantity()), num(t.transfers()))).toList());
        if (r.allocation().installed()) {
            b.note("当日批次 Batches of the day");
            b.table(List.of(Label.of("编号", "Number"), Label.of("批次", "Batch"), Label.of("批准", "Approved"),
                    Label.of("发运", "Dispatched"), Label.of("数量", "Quantity")), r.batches().stream()
                            .map(x -> List.of(x.number(), x.title() == null ? "" : x.title(), time(x.approvedAt()),
                                    time(x.dispatchedAt()), num(x.quantity()))).toList());
        } else {
            b.note("调拨分配未安装 Allocation is not installed on this node");
        }
        if (r.donation().installed()) {
            b.note("当日社会捐赠 Donations of the day");
            b.table(List.of(Label.of("地区", "Province"), Label.of("类别", "Category"), Label.of("认捐", "Pledged"),
                    Label.of("到货", "Received"), Label.of("接收", "Accepted"), Label.of("拒收", "Rejected"),
                    Label.of("转发", "Passed on"), Label.of("送达", "Delivered")), r.donations().stream()
                            .map(x -> List.of(x.place().nameZh(), x.categoryCode() == null ? "-" : x.categoryCode(),
                                    num(x.pledged()), num(x.received()), num(x.accepted()), num(x.rejected()),
                                    num(x.passedOn()), num(x.delivered()))).toList());
        } else {
            b.note("社会捐赠未安装 Donation is not installed on this node");
        }
        return b.footer("同袍 Tongpao · " + TIME.format(r.asOf())).build();
    }

    private static String num(long n) {
        return String.format("%,d", n);
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
