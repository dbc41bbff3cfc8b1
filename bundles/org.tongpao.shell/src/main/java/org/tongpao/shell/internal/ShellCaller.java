package org.tongpao.shell.internal;

import java.util.UUID;
import org.tongpao.core.Caller;

/**
 * Console commands run as the platform: whoever reached the Karaf console is already an administrator of
 * this node. The commands only read.
 */
final class ShellCaller {

    private ShellCaller() {
    }

    static Caller get() {
        return Caller.system("shell-" + UUID.randomUUID());
    }
}
