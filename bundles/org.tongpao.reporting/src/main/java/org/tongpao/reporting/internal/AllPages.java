package org.tongpao.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongpao.core.Page;

/** Reads a keyset-paged list to its end, in pages of the largest size the services allow. */
public final class AllPages {
    /** {@code org.tongpao.core.persistence.Paging.MAX_LIMIT}. */
    static final int PAGE = 500;

    /** One page of a list. */
    @FunctionalInterface
    public interface Reader<T> {
        Page<T> read(int limit, String cursor);
    }

    private AllPages() {
    }

    public static <T> List<T> read(Reader<T> reader) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = reader.read(PAGE, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
