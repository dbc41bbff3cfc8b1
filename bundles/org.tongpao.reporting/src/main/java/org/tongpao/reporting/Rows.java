package org.tongpao.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table row that may hold nulls ({@code List.of} refuses them). */
final class Rows {
    private Rows() {
    }

    static List<Object> of(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
