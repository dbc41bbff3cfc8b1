package org.tongpao.itests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern WRK_REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern WRK_MAX = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)");
    private static final Pattern CHILD_CPU = Pattern.compile("(?m)^(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*\\z");
    private static final Pattern WRK_STATUS = Pattern.compile("status (\\d+): (\\d+)");

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

    /** Whether {@code wrk} is on the PATH (it keeps many connections busy from two threads; ab is serial). */
    static boolean wrkAvailable() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code wrk} for {@code seconds} over {@code connections} keep-alive connections (at most two threads)
     * and returns what it measured (an answer slower than 30 s counts as an error). With a {@code script} (e.g.
     * {@code bench/issues.lua}), every answer must have {@code expectedStatus} (the script prints a
     * {@code status N: count} line per status); without one, wrk's own count of non-2xx answers must be zero.
     * {@code env} goes to the script.
     */
    static Wrk wrk(String url, String credentials, String script, Map<String, String> env, int connections,
            double seconds, int expectedStatus) throws IOException, InterruptedException {
        // through bash, whose `times` prints the CPU time wrk used (the client's share of the two cores)
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "wrk \"$@\"; s=$?; times; exit $s", "wrk",
                "-t", Integer.toString(Math.min(2, connections)), "-c", Integer.toString(connections),
                "-d", Math.round(seconds) + "s", "--timeout", "30s"));
        if (script == null) {
            cmd.addAll(List.of("-H", "Authorization: Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        } else {
            cmd.addAll(List.of("-s", script));
        }
        cmd.add(url);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("TP_AUTH", credentials);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || out.contains("Non-2xx")
                || out.contains("Socket errors")) {
            throw new IllegalStateException("wrk failed or got errors:\n" + out);
        }
        Matcher status = WRK_STATUS.matcher(out);
        while (status.find()) {
            if (Integer.parseInt(status.group(1)) != expectedStatus) {
                throw new IllegalStateException("wrk got answers other than " + expectedStatus + ":\n" + out);
            }
        }
        Matcher m = WRK_RATE.matcher(out);
        Matcher max = WRK_MAX.matcher(out);
        if (!m.find() || !max.find()) {
            throw new IllegalStateException("no rate in wrk's output:\n" + out);
        }
        Matcher cpu = CHILD_CPU.matcher(out.strip());
        double cpuSeconds = cpu.find() ? 60 * Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2))
                + 60 * Double.parseDouble(cpu.group(3)) + Double.parseDouble(cpu.group(4)) : Double.NaN;
        Matcher requests = WRK_REQUESTS.matcher(out);
        long count = requests.find() ? Long.parseLong(requests.group(1)) : 0;
        return new Wrk(Double.parseDouble(m.group(1)), max.group(1), count, cpuSeconds);
    }

    /**
     * What one wrk run measured: requests per second, the slowest answer as wrk prints it (e.g. 1.20s), the
     * requests answered and the CPU seconds wrk itself used (user + system).
     */
    record Wrk(double perSecond, String maxLatency, long requests, double clientCpuSeconds) {
        /** wrk's own CPU per request, in microseconds. */
        double clientMicrosPerRequest() {
            return requests == 0 ? Double.NaN : clientCpuSeconds * 1e6 / requests;
        }
    }
}
