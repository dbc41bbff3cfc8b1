package org.tongpao.itests.bench;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** A benchmark's figures: every line printed with {@code [bench]} as it comes, then written to one file. */
final class BenchReport {
    private final List<String> lines = new ArrayList<>();

    void line(String s) {
        System.out.println("[bench] " + s);
        lines.add(s);
    }

    /** Writes the lines to the file named by system property {@code property}, else {@code fallback}. */
    void write(String property, String fallback) throws IOException {
        Path out = Paths.get(System.getProperty(property, fallback));
        Files.write(out, lines);
        assertTrue(Files.size(out) > 0);
    }
}
