package org.tongpao.core.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One bundle's {@code Tongpao-Schema} header:
 * {@code <name>;migrations=<resource folder>;history=<history table>;requires=<schema>,<schema>}. Attribute
 * values may be quoted; {@code requires} is optional.
 */
public record SchemaDeclaration(String name, String migrations, String history, List<String> requires) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]*");

    public SchemaDeclaration {
        requires = List.copyOf(requires);
    }

    /** Parses a header value; an {@link IllegalArgumentException} says what is wrong with it. */
    public static SchemaDeclaration parse(String header) {
        String[] parts = header.split(";");
        String name = parts[0].trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name '" + name + "' is not lower-case letters, digits, '.', '_', '-'");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).trim();
            if (key.endsWith(":")) {
                // a directive (key:=value) reads the same
                key = key.substring(0, key.length() - 1);
            }
            if (attributes.put(key, unquote(part.substring(eq + 1).trim())) != null) {
                throw new IllegalArgumentException("'" + key + "' is given twice");
            }
        }
        String migrations = required(attributes, "migrations");
        String history = required(attributes, "history");
        List<String> requires = new ArrayList<>();
        String listed = attributes.remove("requires");
        if (listed != null && !listed.isBlank()) {
            for (String r : listed.split(",")) {
                requires.add(r.trim());
            }
        }
        if (!attributes.isEmpty()) {
            throw new IllegalArgumentException("unknown attribute(s) " + attributes.keySet());
        }
        if (requires.contains(name)) {
            throw new IllegalArgumentException("schema '" + name + "' requires itself");
        }
        return new SchemaDeclaration(name, migrations, history, requires);
    }

    private static String required(Map<String, String> attributes, String key) {
        String value = attributes.remove(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
