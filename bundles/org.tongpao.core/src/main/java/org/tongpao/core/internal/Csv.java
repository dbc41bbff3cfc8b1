package org.tongpao.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bundle's own reference CSV files: a header line, comma-separated, no quoting (the data
 * has none; a quote fails loudly rather than being misread). Blank cells become null.
 */
final class Csv {
    private Csv() {
    }

    static List<Map<String, String>> read(String resource) {
        InputStream in = Csv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing bundle resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalStateException("Empty resource " + resource);
            }
            String[] names = header.strip().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != names.length || line.indexOf('"') >= 0) {
                    throw new IllegalStateException(resource + " line " + lineNo + " is malformed");
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    String v = cells[i].strip();
                    row.put(names[i], v.isEmpty() ? null : v);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + resource + " failed", e);
        }
    }
}
