package org.tongpao.federation.inventory.internal.rebuild;

import java.time.Instant;

/**
 * One rebuild of this provincial node, as {@code GET /federation/rebuild} and {@code tongpao:federation-rebuild}
 * show it.
 *
 * @param state           RUNNING (ordinary writes are refused), DONE, or FAILED (stopped with an error; running
 *                        the rebuild again resumes it from {@code cursor})
 * @param cursor          central's cursor after the last page applied (null: nothing applied yet)
 * @param rowsExpected    what central's manifest announced (master data and lots), null before the first page
 * @param nextLocalLotId  the id the next lot created by another node gets here (lots this province created keep
 *                        their own ids)
 * @param reservedDropped reserved quantities not restored: the reservations themselves are not at central
 * @param lastReceived    when central last received a message from this province (the state restored is as of then)
 */
public record RebuildRun(long id, String province, String source, String state, String cursor, long pages,
        long rowsApplied, Long rowsExpected, Long nextLocalLotId, long reservedDropped, String lastReceived,
        Instant startedAt, Instant updatedAt, Instant finishedAt, String lastError) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public boolean unfinished() {
        return !DONE.equals(state);
    }
}
