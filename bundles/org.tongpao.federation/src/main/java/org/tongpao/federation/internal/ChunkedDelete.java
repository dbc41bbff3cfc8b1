package org.tongpao.federation.internal;

import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.tongpao.core.persistence.Transactions;

/** Housekeeping deletes in short transactions: a chunk each, until one comes back short or {@code go} says stop. */
final class ChunkedDelete {

    private ChunkedDelete() {
    }

    /** Runs {@code chunk} (which deletes at most {@code size} rows and says how many) until done; the total. */
    static int run(DataSource ds, String what, int size, Transactions.Work<Integer> chunk, BooleanSupplier go) {
        int deleted = 0;
        int last;
        do {
            last = Transactions.write(ds, what, chunk);
            deleted += last;
        } while (last == size && go.getAsBoolean());
        return deleted;
    }
}
