package org.tongpao.transport.passes.internal;

/** Why a pass is withdrawn (required: it is audited and shown to whoever asks the issuing side). */
public record Revocation(String reason) {
}
