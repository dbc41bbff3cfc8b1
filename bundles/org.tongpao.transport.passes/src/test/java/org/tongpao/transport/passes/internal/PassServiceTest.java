package org.tongpao.transport.passes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.passes.internal.PassFixture.API;
import static org.tongpao.transport.passes.internal.PassFixture.HUBEI;
import static org.tongpao.transport.passes.internal.PassFixture.JIANGSU;
import static org.tongpao.transport.passes.internal.PassFixture.KEEPER;
import static org.tongpao.transport.passes.internal.PassFixture.KEY_AREA;
import static org.tongpao.transport.passes.internal.PassFixture.OFFICER;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.documents.testing.PdfProbe;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassServiceTest {
    private final PassFixture f = new PassFixture();

    @AfterAll
    void close() {
        f.close();
    }

    private String printedCode(Pass p) {
        byte[] pdf = f.passes.print(HUBEI, p.shipmentId(), p.id(), URI.create(API)).pdf();
        String url = PdfProbe.qrOnFirstPage(pdf).orElseThrow();
        assertThat(url).startsWith(API + "passes/verify/");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void aShipmentCarriesOnePassPerAreaNamedThreeWays() {
        long shipment = f.shipment();
        Pass city = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), "k1");
        NewPass w = f.wuhan("鄂A·J1234");
        Pass keyArea = f.passes.issue(OFFICER, shipment, new NewPass(KEY_AREA, null, null, w.validFrom(),
                w.validUntil(), w.vehiclePlate(), w.authority()), "k2");
        Pass named = f.passes.issue(OFFICER, shipment, new NewPass(null, null, "  孝感市  ", w.validFrom(),
                w.validUntil(), w.vehiclePlate(), "孝感市疫情防控指挥部"), null);

        assertThat(f.passes.passes(KEEPER, shipment, 50, null).items()).extracting(Pass::area, Pass::areaKind,
                Pass::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("武汉市公安局", AreaKind.ORG_UNIT, PassStatus.VALID),
                        org.assertj.core.groups.Tuple.tuple("武汉市（疫情防控重点地区）", AreaKind.KEY_AREA, PassStatus.VALID),
                        org.assertj.core.groups.Tuple.tuple("孝感市", AreaKind.NAMED, PassStatus.VALID));
        assertThat(city.shipmentNumber()).isEqualTo(String.format("SH-C-%06d", shipment));
        assertThat(keyArea.areaRef()).isEqualTo(Long.toString(KEY_AREA));
        assertThat(named.issuedBy()).isEqualTo("officer");
        assertThat(f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), "k1").id()).isEqualTo(city.id());
        assertThat(f.core.outbox.events(PassService.TOPIC_PREFIX)).filteredOn(e -> e.getProperty("shipmentId")
                .equals(shipment)).hasSize(3);
    }

    @Test
    void aRareCharacterInAPlaceOrAnAuthorityPrintsAsItselfNotAsABlank() {
        long shipment = f.shipment();
        NewPass w = f.wuhan("鄂A·J1234");
        // 浉河区 (Xinyang) and 镕 lie outside GB 2312, the old font's whole repertoire
        Pass p = f.passes.issue(HUBEI, shipment, new NewPass(null, null, "信阳市浉河区", w.validFrom(), w.validUntil(),
                "豫S·镕0001", "浉河区疫情防控指挥部"), null);
        byte[] pdf = f.passes.print(HUBEI, shipment, p.id(), URI.create(API)).pdf();
        assertThat(PdfProbe.text(pdf)).contains("信阳市浉河区", "豫S·镕0001", "浉河区疫情防控指挥部").doesNotContain("?");
    }

    @Test
    void thePrintedQrCodeVerifiesWithTheAreaWindowPlateAndAuthorityOnly() {
        long shipment = f.shipment();
        Pass p = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), null);

        Verification v = f.passes.verify(printedCode(p));

        assertThat(v.status()).isEqualTo(PassStatus.VALID);
        assertThat(v.valid()).isTrue();
        assertThat(v).extracting(Verification::area, Verification::vehiclePlate, Verification::authority)
                .containsExactly("武汉市公安局", "鄂A·J1234", "武汉市新冠肺炎疫情防控指挥部");
        assertThat(v.validFrom()).isEqualTo(p.validFrom());
        assertThat(v.validUntil()).isEqualTo(p.validUntil());
        assertThat(f.passes.get(OFFICER, shipment, p.id()).copies()).isEqualTo(1);
    }

    @Test
    void thePdfCarriesChineseWithEnglishLabels() {
        long shipment = f.shipment();
        Pass p = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), null);

        byte[] pdf = f.passes.print(OFFICER, shipment, p.id(), URI.create(API)).pdf();
        String text = PdfProbe.text(pdf);

        // the font goes in as a subset of the characters used (the whole font is 2.4 MB)
        assertThat(pdf.length).isLessThan(100_000);

        assertThat(text).contains("车辆通行证", "Vehicle entry pass", "通行区域", "Area", "武汉市公安局", "车牌号",
                "Vehicle plate", "鄂A·J1234", "签发机关", "Issuing authority", "生效时间", "Valid from", "截止时间",
                "Valid until", String.format("SH-C-%06d", shipment), "P" + p.id() + "-1", "检查站扫码核验",
                "scan to verify");
    }

    @Test
    void revocationChangesTheAnswerAtOnceAndStopsPrinting() {
        long shipment = f.shipment();
        Pass p = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), null);
        String code = printedCode(p);

        Pass revoked = f.passes.revoke(HUBEI, shipment, p.id(), "车辆改派 vehicle reassigned", "r1");

        assertThat(f.passes.verify(code).status()).isEqualTo(PassStatus.REVOKED);
        assertThat(f.passes.verify(code).valid()).isFalse();
        assertThat(revoked).extracting(Pass::status, Pass::revokedBy, Pass::revokeReason)
                .containsExactly(PassStatus.REVOKED, "hubei", "车辆改派 vehicle reassigned");
        assertThat(revoked.revokedAt()).isEqualTo(f.clock.now);
        assertThat(f.passes.revoke(OFFICER, shipment, p.id(), "again", null).revokedBy()).isEqualTo("hubei");
        assertThatThrownBy(() -> f.passes.print(HUBEI, shipment, p.id(), URI.create(API)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("REVOKED");
        assertThat(audited(p.id())).containsExactly("ISSUE", "PRINT", "REVOKE");
    }

    @Test
    void aRevocationNeedsAReason() {
        long shipment = f.shipment();
        Pass p = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), null);

        assertThatThrownBy(() -> f.passes.revoke(HUBEI, shipment, p.id(), " ", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "reason");
    }

    @Test
    void printingAgainSupersedesTheOlderPrintOut() {
        long shipment = f.shipment();
        Pass p = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), null);
        String first = printedCode(p);
        String second = printedCode(p);

        assertThat(second).isNotEqualTo(first);
        assertThat(f.passes.verify(first).status()).isEqualTo(PassStatus.SUPERSEDED);
        assertThat(f.passes.verify(first).valid()).isFalse();
        assertThat(f.passes.verify(second).status()).isEqualTo(PassStatus.VALID);
    }

    @Test
    void theWindowDecidesBeforeAndAfter() {
        long shipment = f.shipment();
        NewPass w = f.wuhan("鄂A·J1234");
        Pass later = f.passes.issue(HUBEI, shipment, new NewPass(null, null, "孝感市", f.clock.now.plusSeconds(600),
                f.clock.now.plus(1, ChronoUnit.DAYS), w.vehiclePlate(), w.authority()), null);
        String code = printedCode(later);

        assertThat(f.passes.verify(code).status()).isEqualTo(PassStatus.NOT_YET_VALID);
        f.clock.now = later.validFrom();
        assertThat(f.passes.verify(code).status()).isEqualTo(PassStatus.VALID);
        f.clock.now = later.validUntil();
        assertThat(f.passes.verify(code).status()).isEqualTo(PassStatus.EXPIRED);
        assertThatThrownBy(() -> f.passes.print(HUBEI, shipment, later.id(), URI.create(API)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("EXPIRED");
    }

    @Test
    void anUnknownOrMalformedCodeIsUnknownAndSaysNothingElse() {
        Verification unknown = f.passes.verify("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(unknown.status()).isEqualTo(PassStatus.UNKNOWN);
        assertThat(unknown).extracting(Verification::area, Verification::vehiclePlate, Verification::authority,
                Verification::validFrom).containsOnlyNulls();
        assertThat(f.passes.verify("'; DROP TABLE tp_pass_pass; --").status()).isEqualTo(PassStatus.UNKNOWN);
        assertThat(f.passes.verify(null).status()).isEqualTo(PassStatus.UNKNOWN);
    }

    @Test
    void onlyTheCodesHashIsStored() {
        long shipment = f.shipment();
        Pass p = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), null);
        String code = printedCode(p);

        List<String> stored = Transactions.read(f.ds, c -> Jdbc.query(c, "SELECT token_hash FROM tp_pass_token "
                + "WHERE pass_id = ?", List.of(p.id()), rs -> rs.getString(1)));
        assertThat(stored).containsExactly(PassTokens.hash(code)).doesNotContain(code);
        String audit = Transactions.read(f.ds, c -> Jdbc.query(c, "SELECT before_json, after_json FROM tp_audit "
                + "WHERE entity = 'pass' AND entity_id = ?", List.of(Long.toString(p.id())),
                rs -> rs.getString(1) + rs.getString(2))).toString();
        assertThat(audit).contains("copies").doesNotContain(code);
    }

    @Test
    void onlyOfficersInScopeIssuePrintAndRevoke() {
        long shipment = f.shipment();
        Pass p = f.passes.issue(HUBEI, shipment, f.wuhan("鄂A·J1234"), null);

        assertThatThrownBy(() -> f.passes.issue(KEEPER, shipment, f.wuhan("鄂A·J1234"), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.passes.issue(JIANGSU, shipment, f.wuhan("鄂A·J1234"), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.passes.passes(JIANGSU, shipment, 50, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.passes.revoke(JIANGSU, shipment, p.id(), "no", null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.passes.get(OFFICER, shipment, 987_654L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAreaMustBeNamedByExactlyOneWayAndExist() {
        long shipment = f.shipment();
        NewPass w = f.wuhan("鄂A·J1234");

        assertThatThrownBy(() -> f.passes.issue(HUBEI, shipment, new NewPass(KEY_AREA, w.orgUnitId(), null,
                w.validFrom(), w.validUntil(), w.vehiclePlate(), w.authority()), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> f.passes.issue(HUBEI, shipment, new NewPass(99L, null, null, w.validFrom(),
                w.validUntil(), w.vehiclePlate(), w.authority()), null)).isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("field", "keyAreaId");
        assertThatThrownBy(() -> f.passes.issue(HUBEI, shipment, new NewPass(null, 987_654L, null, w.validFrom(),
                w.validUntil(), w.vehiclePlate(), w.authority()), null)).isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("field", "orgUnitId");
        assertThatThrownBy(() -> f.passes.issue(HUBEI, shipment, new NewPass(null, null, "孝感市", w.validFrom(),
                w.validUntil(), " ", w.authority()), null)).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "vehiclePlate");
    }

    @Test
    void theQrCodePointsAtTheConfiguredPublicAddress() {
        long shipment = f.shipment();
        try (PassFixture configured = new PassFixture(Map.of("verificationBaseUrl", "https://passes.example.gov.cn/",
                "maxValidityDays", 30))) {
            Pass p = configured.passes.issue(HUBEI, shipment, configured.wuhan("鄂A·J1234"), null);
            byte[] pdf = configured.passes.print(HUBEI, shipment, p.id(), URI.create(API)).pdf();

            assertThat(PdfProbe.qrOnFirstPage(pdf).orElseThrow())
                    .matches("https://passes\\.example\\.gov\\.cn/api/v1/passes/verify/[A-Za-z0-9_-]{32}");
        }
    }

    private List<String> audited(long passId) {
        return Transactions.read(f.ds, c -> Jdbc.query(c, "SELECT action FROM tp_audit WHERE entity = ? AND "
                + "entity_id = ? ORDER BY id", List.of("pass", Long.toString(passId)), rs -> rs.getString(1)));
    }
}
