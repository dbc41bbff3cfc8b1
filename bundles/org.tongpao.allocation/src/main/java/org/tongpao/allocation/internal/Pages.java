package org.tongpao.allocation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tongpao.core.Page;

/** Reads every page of a paged core service call. */
final class Pages {

    private Pages() {
    }

    /** {@code page} answers the page after the given cursor (null: the first). */
    static <T> List<T> all(Function<String, Page<T>> page) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> p = page.apply(cursor);
            out.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }
}
