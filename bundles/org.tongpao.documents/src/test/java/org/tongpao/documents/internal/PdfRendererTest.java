package org.tongpao.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpao.core.testing.Configs;
import org.tongpao.documents.Documents;
import org.tongpao.documents.Label;
import org.tongpao.documents.Sheet;
import org.tongpao.documents.testing.PdfProbe;

class PdfRendererTest {
    private static final String URL = "https://tongpao.example/api/v1/passes/verify/q2kXw0vP3c9aLr7tYb1N5e";

    private final Documents documents = Documents.standalone();

    private static Sheet sample() {
        return Sheet.builder(Label.of("通行证", "Entry pass"))
                .field("通行区域", "Area", "武汉市（湖北省）")
                .field("车牌号", "Vehicle plate", "鄂A·J1234")
                .field("签发机关", "Issuing authority", "武汉市新冠肺炎疫情防控指挥部")
                .table(List.of(Label.of("起", "From"), Label.of("止", "Until")),
                        List.of(List.of("2020-02-03 08:00", "2020-02-06 08:00")))
                .qr(URL, Label.of("扫码核验", "Scan to verify"))
                .note("请随车携带本证。Keep this pass in the vehicle.")
                .footer("同袍 Tongpao")
                .build();
    }

    @Test
    void theQrCodeOnTheRenderedFirstPageReadsBackAsTheUrl() {
        byte[] pdf = documents.pdf(sample());

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfProbe.qrOnFirstPage(pdf)).contains(URL);
    }

    @Test
    void theTextCarriesTheChineseAndTheEnglishLabels() {
        String text = PdfProbe.text(documents.pdf(sample()));

        assertThat(text).contains("通行证", "Entry pass", "通行区域", "Area", "武汉市（湖北省）", "车牌号", "Vehicle plate",
                "鄂A·J1234", "签发机关", "Issuing authority", "扫码核验", "Scan to verify", "From", "Until", "同袍 Tongpao");
    }

    @Test
    void theFontIsEmbeddedAsASubsetSoTheFileStaysSmall() {
        byte[] pdf = documents.pdf(sample());

        // the bundled font is 10 MB; the subset of the few dozen characters used is a few kilobytes
        assertThat(pdf.length).isLessThan(100_000);
        assertThat(PdfProbe.fontsOnFirstPage(pdf)).singleElement().asString().matches("[A-Z]{6}\\+NotoSansSC.*");
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMarkInsteadOfFailing() {
        // 𠮷 (U+20BB7, CJK extension B, a Japanese surname's variant) is not in Noto Sans SC
        byte[] pdf = documents.pdf(Sheet.builder(Label.of("测试", "Test")).field("名称", "Name", "甲𠮷乙").build());

        assertThat(PdfProbe.text(pdf)).contains("甲?乙");
    }

    @Test
    void rareCharactersOutsideGb2312PrintAsThemselves() {
        // names and places a GB 2312 font blanks: 朱镕基's 镕, 陶喆's 喆, 堃, 浉河区 (Xinyang), 龘, and extension A's 㐂
        String rare = "镕喆堃浉河区龘㐂";
        byte[] pdf = documents.pdf(Sheet.builder(Label.of("测试", "Test")).field("车牌号", "Plate", "鄂A·镕0001")
                .field("地点", "Place", rare).build());

        String text = PdfProbe.text(pdf);
        assertThat(text).contains("鄂A·镕0001", rare).doesNotContain("?");
        // still a subset of the few characters used
        assertThat(pdf.length).isLessThan(100_000);
    }

    @Test
    void longValuesWrapAndLongTablesContinueOnANewPage() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(List.of("第" + i + "行", "N95 口罩 masks, carton of 20 × 50 pieces, lot " + i));
        }
        String longValue = "湖北省武汉市江岸区".repeat(12);
        byte[] pdf = documents.pdf(Sheet.builder(Label.of("清单", "List")).field("地址", "Address", longValue)
                .table(List.of(Label.of("行", "Row"), Label.of("物资", "Goods")), rows).build());

        assertThat(PdfProbe.pages(pdf)).isGreaterThan(1);
        String text = PdfProbe.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains(longValue, "第79行", "1/", "2/");
    }

    @Test
    void aTableRowMustHaveOneCellPerColumn() {
        assertThatThrownBy(() -> Sheet.builder(Label.of("表", "Table"))
                .table(List.of(Label.of("一", "One"), Label.of("二", "Two")), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells for 2 columns");
    }

    @Test
    void aConfiguredFontFileIsUsedAndAWrongOneFallsBackToTheBundledFont(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("font.ttf");
        Files.write(good, FontFiles.bundled());
        Path bad = dir.resolve("broken.ttf");
        Files.writeString(bad, "not a font");

        DocumentsComponent configured = new DocumentsComponent(Configs.of(DocumentsComponent.Config.class,
                Map.of("fontFile", good.toString())));
        DocumentsComponent fallback = new DocumentsComponent(Configs.of(DocumentsComponent.Config.class,
                Map.of("fontFile", bad.toString())));

        assertThat(PdfProbe.qrOnFirstPage(configured.pdf(sample()))).contains(URL);
        assertThat(PdfProbe.text(fallback.pdf(sample()))).contains("通行证");
        assertThatThrownBy(() -> FontFiles.file(bad)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FontFiles.file(dir.resolve("missing.ttf"))).isInstanceOfAny(IOException.class,
                UncheckedIOException.class);
    }
}
