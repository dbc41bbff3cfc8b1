package org.tongpao.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The files as the bundle carries them (target/classes/dashboard, ECharts unpacked from its webjar by the build):
 * types, ETags, gzip copies, only known names; and the rules the page's Content-Security-Policy relies on.
 */
class StaticFilesTest {
    private static final Path DASHBOARD = Paths.get("target/classes/dashboard");
    private static StaticFiles files;

    @BeforeAll
    static void load() throws IOException {
        Map<String, URL> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(DASHBOARD)) {
            all.filter(Files::isRegularFile).forEach(p -> entries.put(DASHBOARD.relativize(p).toString().replace('\\', '/'),
                    url(p)));
        }
        files = new StaticFiles(entries);
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyServedFileHasItsTypeAStrongEtagAndAGzipCopy() throws IOException {
        assertThat(files.get("index.html")).get().extracting(StaticFiles.File::contentType)
                .isEqualTo("text/html; charset=utf-8");
        assertThat(files.get("app.js")).get().extracting(StaticFiles.File::contentType)
                .isEqualTo("text/javascript; charset=utf-8");
        assertThat(files.get("app.css")).get().extracting(StaticFiles.File::contentType)
                .isEqualTo("text/css; charset=utf-8");
        StaticFiles.File echarts = files.get("vendor/echarts.min.js").orElseThrow();
        assertThat(echarts.body().length).isGreaterThan(500_000);
        assertThat(echarts.gzipped().length).isLessThan(echarts.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(echarts.gzipped()))) {
            assertThat(in.readAllBytes()).isEqualTo(echarts.body());
        }
        assertThat(echarts.etag()).matches("\"[A-Za-z0-9_-]{22}\"").isNotEqualTo(files.get("app.js").orElseThrow().etag());
    }

    @Test
    void onlyKnownNamesAreServed() {
        assertThat(files.get("vendor/LICENSE")).as("no type: not served").isEmpty();
        assertThat(files.get("../META-INF/MANIFEST.MF")).isEmpty();
        assertThat(files.get("/index.html")).isEmpty();
        assertThat(files.get("")).isEmpty();
        assertThat(StaticFiles.contentType("x.JS")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(StaticFiles.contentType("x.exe")).isNull();
    }

    @Test
    void thePageHasNoInlineScriptStyleOrHandlerSoTheStrictPolicyHolds() throws IOException {
        String html = Files.readString(DASHBOARD.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("\\sstyle\\s*=");
        assertThat(html).doesNotContainPattern("\\son[a-z]+\\s*=");
        assertThat(html).doesNotContain("<style");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").as("no CDN, no other origin");
        String js = Files.readString(DASHBOARD.resolve("app.js"), StandardCharsets.UTF_8);
        // text only through textContent: nothing the API returns becomes markup
        assertThat(js).doesNotContain("innerHTML").doesNotContain("eval(").doesNotContain("new Function");
        // the login never lands in storage; the language choice is the only thing kept
        assertThat(js).doesNotContain("localStorage");
        assertThat(js.split("sessionStorage\\.setItem").length - 1).isEqualTo(1);
        assertThat(DashboardServlet.POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval").contains("frame-ancestors 'none'");
    }
}
