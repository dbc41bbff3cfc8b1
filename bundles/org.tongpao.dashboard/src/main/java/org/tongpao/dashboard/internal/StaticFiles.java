package org.tongpao.dashboard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's files, read once from the bundle into memory (about 1 MB, most of it ECharts) with their
 * content type, a strong ETag and a gzip copy. Only names found in the bundle at start are ever served, so no
 * request path can reach anything else (no traversal to check).
 */
final class StaticFiles {
    /** The HTML entry point: never cached without revalidation, so a new version shows at once. */
    static final String INDEX = "index.html";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    record File(String name, String contentType, byte[] body, byte[] gzipped, String etag) {
    }

    private final Map<String, File> files = new HashMap<>();

    /** @param entries path below the dashboard folder (e.g. {@code vendor/echarts.min.js}) → where to read it */
    StaticFiles(Map<String, URL> entries) {
        entries.forEach((name, url) -> {
            String type = contentType(name);
            if (type != null) {
                byte[] body = read(url);
                files.put(name, new File(name, type, body, gzip(body), etag(body)));
            }
        });
    }

    Optional<File> get(String name) {
        return Optional.ofNullable(files.get(name));
    }

    int size() {
        return files.size();
    }

    /** The type by extension; null for what the dashboard does not serve (e.g. a LICENSE file). */
    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
