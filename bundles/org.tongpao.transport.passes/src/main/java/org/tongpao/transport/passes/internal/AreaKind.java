package org.tongpao.transport.passes.internal;

/** What names a pass's area: a key area declared by the ministry, an org unit, or a name the issuer gives. */
public enum AreaKind {
    KEY_AREA, ORG_UNIT, NAMED
}
