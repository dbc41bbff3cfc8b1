package org.tongpao.core;

/** List filter for items; null fields do not filter. {@code q} matches code, names or standard. */
public record ItemFilter(String category, String q, Boolean active) {
    public static ItemFilter all() {
        return new ItemFilter(null, null, null);
    }
}
