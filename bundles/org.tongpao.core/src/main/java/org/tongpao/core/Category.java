package org.tongpao.core;

/** A catalogue category such as {@code MASK} or {@code FIELD}. */
public record Category(String code, String nameZh, String nameEn) {
}
