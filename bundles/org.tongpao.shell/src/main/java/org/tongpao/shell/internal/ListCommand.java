package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;

/** What the record list commands share: deactivated records are left out unless asked for; a text filter. */
abstract class ListCommand implements Action {

    @Option(name = "--inactive", description = "Include deactivated records")
    boolean inactive;

    @Argument(name = "text", description = "Only records whose code or name contains this text")
    String text;

    /** The {@code active} filter of the core lists: active only, or everything with {@code --inactive}. */
    Boolean active() {
        return inactive ? null : Boolean.TRUE;
    }
}
