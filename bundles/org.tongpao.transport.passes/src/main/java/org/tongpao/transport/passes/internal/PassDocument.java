package org.tongpao.transport.passes.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tongpao.documents.Label;
import org.tongpao.documents.Sheet;

/** The printed pass: Chinese with English labels, the QR code of the verification URL, times in Beijing time. */
final class PassDocument {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    private PassDocument() {
    }

    static Sheet sheet(Pass p, int copy, String verificationUrl, Instant printedAt) {
        return Sheet.builder(Label.of("车辆通行证", "Vehicle entry pass"))
                .field("通行区域", "Area", p.area())
                .field("车牌号", "Vehicle plate", p.vehiclePlate())
                .field("签发机关", "Issuing authority", p.authority())
                .table(List.of(Label.of("生效时间", "Valid from"), Label.of("截止时间", "Valid until"),
                        Label.of("时区", "Time zone")),
                        List.of(List.of(TIME.format(p.validFrom()), TIME.format(p.validUntil()), "北京时间 UTC+8")))
                .field("运单号", "Shipment", p.shipmentNumber())
                .field("通行证编号", "Pass number", number(p, copy))
                .qr(verificationUrl, Label.of("检查站扫码核验", "Checkpoints: scan to verify"))
                .note("本证以扫码核验结果为准：已撤销、已过期或已重新打印的旧证无效。"
                        + " Valid only as the verification page confirms: a revoked or expired pass, or an older copy "
                        + "of a re-printed one, is void.")
                .footer("同袍 Tongpao · 打印 Printed " + TIME.format(printedAt))
                .build();
    }

    /** What the officer and the driver quote on the phone: pass id and copy number. */
    static String number(Pass p, int copy) {
        return "P" + p.id() + "-" + copy;
    }
}
