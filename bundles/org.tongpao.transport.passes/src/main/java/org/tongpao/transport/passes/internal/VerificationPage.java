package org.tongpao.transport.passes.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The verification answer as a small page for a checkpoint officer's phone (the QR code opens the same URL as
 * machines call): valid or not now, in Chinese with English, and the area, window, plate and authority — what
 * {@link Verification} holds and nothing more. No script, no link, no image; its one inline style is allowed by
 * hash in its own Content-Security-Policy, which forbids everything else. Every value is escaped.
 */
public final class VerificationPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(PassDocument.BEIJING);
    private static final String STYLE = "body{font-family:sans-serif;margin:0;padding:1rem;font-size:1.1rem}"
            + "h1{margin:0 0 1rem;padding:1rem;border-radius:.5rem;color:#fff;font-size:1.6rem;text-align:center}"
            + ".ok h1{background:#1b7f3b}.no h1{background:#b3261e}dt{color:#555;font-size:.9rem;margin-top:.8rem}"
            + "dd{margin:0;font-weight:bold;font-size:1.3rem}p{color:#555;font-size:.85rem}";
    /** The page's policy: nothing but its own style (by hash); no framing, no base, no forms. */
    public static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private VerificationPage() {
    }

    /** The page for this answer. */
    public static String html(Verification v) {
        StringBuilder b = new StringBuilder(1500);
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><meta name=\"referrer\" content=\"no-referrer\">")
                .append("<title>车辆通行证核验 Entry pass check</title><style>").append(STYLE).append("</style></head>")
                .append("<body class=\"").append(v.valid() ? "ok" : "no").append("\"><h1>")
                .append(v.valid() ? "✔ 有效 VALID" : "✘ 无效 NOT VALID").append("</h1><dl>");
        item(b, "状态 Status", statusZh(v.status()) + " " + v.status().name());
        if (v.status() != PassStatus.UNKNOWN) {
            item(b, "通行区域 Area", v.area());
            item(b, "有效期（北京时间）Valid (Beijing time)", TIME.format(v.validFrom()) + " — "
                    + TIME.format(v.validUntil()));
            item(b, "车牌号 Vehicle plate", v.vehiclePlate());
            item(b, "签发机关 Issued by", v.authority());
        }
        b.append("</dl><p>核验时间 Checked at ").append(TIME.format(v.checkedAt()))
                .append("（北京时间 Beijing time）</p></body></html>");
        return b.toString();
    }

    private static void item(StringBuilder b, String label, String value) {
        b.append("<dt>").append(label).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    static String statusZh(PassStatus s) {
        return switch (s) {
            case VALID -> "有效";
            case NOT_YET_VALID -> "尚未生效";
            case EXPIRED -> "已过期";
            case REVOKED -> "已吊销";
            case SUPERSEDED -> "已作废（已重新打印）";
            case UNKNOWN -> "无法识别";
        };
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** For tests: the checked-at line is the one place an instant prints outside the window. */
    static String time(Instant at) {
        return TIME.format(at);
    }
}
