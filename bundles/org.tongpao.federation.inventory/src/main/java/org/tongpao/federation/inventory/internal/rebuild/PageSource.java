package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Where a provincial node reads its rebuild stream: central over HTTP, or (tests, benchmark) a source in hand. */
@FunctionalInterface
interface PageSource {

    /** The page after {@code after} (null: the first), as central's JSON {@link RebuildPage}. */
    JsonNode page(String after, int limit) throws IOException;
}
