package org.tongpao.federation.internal;

/** Why a message was set aside instead of applied. */
public enum ParkReason {
    /** No handler for its type on this node (yet). */
    NO_HANDLER,
    /** Its major version is newer than every handler of its type knows. */
    NEWER_MAJOR,
    /** Its handler threw; its effect was rolled back. */
    FAILED,
    /** Its sender is not the link's node, or the envelope is unreadable; audited, never applied. */
    REFUSED
}
