package org.tongpao.donation;

/**
 * Where donated goods are, as the public may see it: by the level of the unit (a province's department, a city
 * bureau, a county bureau, a station; whether front line) and its province, never a unit's or a person's name.
 * {@code kind} DELIVERED: issued or delivered to such a unit; IN_STOCK: still in a depot of such a unit.
 */
public record PublicDestination(String kind, String level, boolean frontLine, String provinceCode,
        String provinceName, String itemCode, long quantity) {
}
