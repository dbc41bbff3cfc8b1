package org.tongpao.itests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ApacheBench ({@code ab}, Debian package apache2-utils) as a load generator outside the server's JVM, when
 * it is installed: a client inside the container competes with the server for the same two cores and its
 * garbage collector, which understates what the server does.
 */
final class ExternalLoad {
    private static final Pattern RATE = Pattern.compile("Requests per second:\\s+([\\d.]+)");

    private ExternalLoad() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("ab", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** GETs {@code url} {@code requests} times over {@code clients} keep-alive connections; requests per second. */
    static double get(String url, String credentials, int clients, int requests) throws IOException, InterruptedException {
        return rate(new ProcessBuilder("ab", "-q", "-k", "-n", Integer.toString(requests), "-c", Integer.toString(clients),
                "-A", credentials, url));
    }

    private static double rate(ProcessBuilder ab) throws IOException, InterruptedException {
        Process p = ab.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("ab failed or got errors:\n" + out);
        }
        Matcher m = RATE.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no rate in ab's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** POSTs {@code json} {@code requests} times over {@code clients} keep-alive connections; requests per second. */
    static double post(String url, String credentials, String json, int clients, int requests)
            throws IOException, InterruptedException {
        Path body = Files.createTempFile("bench-body", ".json");
        try {
            Files.writeString(body, json);
            return rate(new ProcessBuilder("ab", "-q", "-k", "-n", Integer.toString(requests), "-c",
                    Integer.toString(clients), "-A", credentials, "-p", body.toString(), "-T", "application/json", url));
        } finally {
            Files.deleteIfExists(body);
        }
    }
}
