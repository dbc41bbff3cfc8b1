package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;
import static org.tongpao.reporting.internal.ReportingFixture.HUBEI;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.documents.Documents;
import org.tongpao.documents.testing.PdfProbe;
import org.tongpao.inventory.Transfer;
import org.tongpao.reporting.DailyReport;

/** The daily report as of a cut-off: from the ledger's timestamps, so later movements change nothing. */
class DailyReportTest {
    static final String STATION = "P42-WUHAN-JIANGAN-T01";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    ReportingFixture f;

    @BeforeEach
    void setUp() {
        f = new ReportingFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    static DailyReport.DailyStockRow stock(DailyReport r, String province, String category) {
        return r.stock().stream().filter(x -> x.place().code().equals(province)
                && x.categoryCode().equals(category)).findFirst().orElseThrow(() -> new AssertionError(
                        "no row " + province + " " + category + ": " + r.stock()));
    }

    /** Day one: stock arrives; day two: issues and a transfer leave; then the cut-off. */
    Instant aDay() {
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 10_000);
        f.receive("HB-WH-01", "MASK-KN95", 1_000);
        f.advance(Duration.ofDays(1));
        f.receive("HB-WH-01", "MASK-KN95", 500);
        f.issue("HB-WH-01", "MASK-KN95", 120, STATION);
        f.send("CENTRAL-RESERVE", "HB-WH-01", "MASK-KN95", 2_000);
        f.advance(Duration.ofHours(1));
        return f.clock.now;
    }

    @Test
    void theDayShowsOnHandAtTheCutOffAndTheDaysFlows() {
        Instant cutOff = aDay();
        DailyReport r = f.reports.daily(ADMIN, cutOff);
        assertThat(r.asOf()).isEqualTo(cutOff);
        assertThat(r.from()).isEqualTo(cutOff.minus(Duration.ofHours(24)));
        String category = f.core.catalogue.getByCode(ADMIN, "MASK-KN95").categoryCode();
        DailyReport.DailyStockRow hubei = stock(r, "42", category);
        assertThat(hubei.onHand()).isEqualTo(1_380);
        assertThat(hubei.received()).isEqualTo(500); // the 1,000 of the day before are not the day's
        assertThat(hubei.issued()).isEqualTo(120);
        DailyReport.DailyStockRow reserve = stock(r, "CENTRAL", category);
        assertThat(reserve.place().centralReserve()).isTrue();
        assertThat(reserve.onHand()).isEqualTo(8_000);
        assertThat(reserve.transferredOut()).isEqualTo(2_000);
        assertThat(r.inTransit()).singleElement().satisfies(t -> {
            assertThat(t.to().code()).isEqualTo("42");
            assertThat(t.quantity()).isEqualTo(2_000);
        });
        assertThat(r.stock().get(0).place().centralReserve()).isTrue(); // the reserve is the first row
    }

    @Test
    void movementsAfterTheCutOffChangeNothing() throws Exception {
        Instant cutOff = aDay();
        DailyReport first = f.reports.daily(ADMIN, cutOff);
        String firstJson = JSON.writeValueAsString(first);

        // later: the transfer arrives, more is issued, received and sent
        f.advance(Duration.ofMinutes(5));
        Transfer t = f.inventory.transfers(ADMIN, Transfer.Status.IN_TRANSIT, null, 10, null).items().get(0);
        f.arrive(t);
        f.issue("HB-WH-01", "MASK-KN95", 300, STATION);
        f.receive("JS-PROV-01", "MASK-KN95", 50);
        f.send("CENTRAL-RESERVE", "JS-PROV-01", "MASK-KN95", 10);
        f.advance(Duration.ofDays(3));

        DailyReport again = f.reports.daily(ADMIN, cutOff);
        assertThat(again).isEqualTo(first);
        assertThat(JSON.writeValueAsString(again)).isEqualTo(firstJson);

        // a later cut-off does see them: the transfer has arrived, and Jiangsu has stock
        DailyReport later = f.reports.daily(ADMIN, f.clock.now);
        assertThat(later.inTransit()).extracting(x -> x.to().code()).containsExactly("32");
        String category = f.core.catalogue.getByCode(ADMIN, "MASK-KN95").categoryCode();
        assertThat(stock(later, "42", category).onHand()).isEqualTo(1_380 + 2_000 - 300);
        assertThat(stock(later, "42", category).received()).isZero(); // the day after the cut-off's 3-day wait
    }

    @Test
    void aProvinceOfficerSeesOnlyItsProvince() {
        Instant cutOff = aDay();
        f.receive("JS-PROV-01", "MASK-KN95", 70);
        DailyReport r = f.reports.daily(HUBEI, f.clock.now);
        assertThat(r.scope()).isEqualTo("42");
        assertThat(r.stock()).extracting(x -> x.place().code()).containsOnly("42");
        assertThat(r.inTransit()).extracting(x -> x.to().code()).containsOnly("42");
        assertThat(f.reports.daily(ADMIN, cutOff).stock()).extracting(x -> x.place().code())
                .contains("CENTRAL", "42");
    }

    @Test
    void aCutOffInTheFutureIsRefusedNamingIt() {
        assertThatThrownBy(() -> f.reports.daily(ADMIN, f.clock.now.plusSeconds(60)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("asOf");
    }

    @Test
    void thePdfIsInChineseWithEnglishLabels() {
        Instant cutOff = aDay();
        byte[] pdf = Documents.standalone().pdf(DailySheet.of(f.reports.daily(ADMIN, cutOff)));
        String text = PdfProbe.text(pdf);
        assertThat(text).contains("应急物资日报").contains("Daily situation report").contains("湖北省")
                .contains("1,380").contains("2,000");
    }
}
