package org.tongpao.itests.bench;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** What a benchmark reports: {@code [bench]} lines on its output, kept for a Markdown file written at the end. */
final class BenchReport {
    private final List<String> lines = new ArrayList<>();

    /** The file named by {@code bench.out} (the bench profile points it into {@code itests/target/}). */
    static Path out() {
        return Paths.get(System.getProperty("bench.out", "bench-results.md"));
    }

    void line(String s) {
        System.out.println("[bench] " + s);
        lines.add(s);
    }

    void write(Path file) throws IOException {
        Files.write(file, lines);
        assertTrue(Files.size(file) > 0);
    }

    /** Writes the lines to the file named by system property {@code property}, else {@code fallback}. */
    void write(String property, String fallback) throws IOException {
        write(Paths.get(System.getProperty(property, fallback)));
    }
}
