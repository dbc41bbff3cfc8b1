package org.tongpao.core;

/**
 * A provincial-level division of the mainland with its GB/T 2260 two-digit code.
 *
 * @param code   e.g. {@code 42}
 * @param nameZh e.g. 湖北省
 * @param nameEn e.g. Hubei
 * @param kind   {@code province}, {@code municipality} or {@code autonomous region}
 */
public record Province(String code, String nameZh, String nameEn, String kind) {
}
