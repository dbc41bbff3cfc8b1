package org.tongpao.federation.inventory.internal.rebuild;

import java.util.List;
import org.tongpao.core.ValidationException;

/**
 * Where a rebuild stream stands: a section and a key inside it ({@code lots:41907} = the lots after lot 41907 of
 * central's keyset). Its text is what central answers as {@code nextCursor} and takes back as {@code after}; an
 * empty key starts the section. The sections come in a fixed order, small master data first.
 *
 * @param section one of {@link #SECTIONS}
 * @param key     the section's own keyset position, "" at its start
 */
record RebuildCursor(String section, String key) {

    static final String UNITS = "units";
    static final String ITEMS = "items";
    static final String DEPOTS = "depots";
    static final String LOTS = "lots";
    static final String TRANSFERS = "transfers";
    /**
     * The order a province receives them: master data first (small), then its depots' stock, then the transfers on
     * their way to its depots (which name depots and items).
     */
    static final List<String> SECTIONS = List.of(UNITS, ITEMS, DEPOTS, LOTS, TRANSFERS);

    /** The start of the whole stream. */
    static RebuildCursor first() {
        return new RebuildCursor(SECTIONS.get(0), "");
    }

    /** {@code after} as a client sent it, in this bundle's own sections. */
    static RebuildCursor parse(String after) {
        return parse(after, SECTIONS);
    }

    /**
     * {@code after} as a client sent it: null or empty is the start; anything else must be a cursor central gave, in
     * one of {@code sections} (this bundle's own and the contributed ones).
     */
    static RebuildCursor parse(String after, List<String> sections) {
        if (after == null || after.isEmpty()) {
            return first();
        }
        int colon = after.indexOf(':');
        String section = colon < 0 ? after : after.substring(0, colon);
        if (colon < 0 || !sections.contains(section) || after.length() > 200) {
            throw new ValidationException("after", "not a rebuild cursor: use the nextCursor of the previous page");
        }
        String key = after.substring(colon + 1);
        if (LOTS.equals(section) && !key.isEmpty() && !key.chars().allMatch(Character::isDigit)) {
            throw new ValidationException("after", "not a rebuild cursor: use the nextCursor of the previous page");
        }
        return new RebuildCursor(section, key);
    }

    boolean atSectionStart() {
        return key.isEmpty();
    }

    /** The start of the next of this bundle's own sections, or null after the last one. */
    RebuildCursor nextSection() {
        return nextSection(SECTIONS);
    }

    /** The start of the next section of {@code sections}, or null after the last one (the stream is complete). */
    RebuildCursor nextSection(List<String> sections) {
        int i = sections.indexOf(section);
        return i + 1 < sections.size() ? new RebuildCursor(sections.get(i + 1), "") : null;
    }

    /** The same section, further on. */
    RebuildCursor at(String newKey) {
        return new RebuildCursor(section, newKey);
    }

    boolean isFirst() {
        return equals(first());
    }

    @Override
    public String toString() {
        return section + ":" + key;
    }
}
