package org.tongpao.reporting;

/**
 * Where a row's figures are, map-ready: a province by its GB/T 2260 code and names, or the central reserve
 * (the ministry's own depots: {@code code} {@value #CENTRAL_RESERVE}, {@code centralReserve} true).
 */
public record ReportPlace(String code, String nameZh, String nameEn, boolean centralReserve) {
    public static final String CENTRAL_RESERVE = "CENTRAL";

    public static ReportPlace reserve() {
        return new ReportPlace(CENTRAL_RESERVE, "中央储备", "Central reserve", true);
    }
}
