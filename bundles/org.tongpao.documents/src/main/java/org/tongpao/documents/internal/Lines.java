package org.tongpao.documents.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width: at line breaks in the text, then wherever the width runs out; Chinese
 * may break between any two characters, a Latin word only at a space (or, if longer than a whole line, anywhere).
 */
final class Lines {

    private Lines() {
    }

    static List<String> wrap(Typeface face, String text, float size, float width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : (text == null || text.isEmpty() ? "-" : text).split("\\R", -1)) {
            wrapParagraph(face, face.printable(paragraph).strip(), size, width, out);
        }
        return out;
    }

    private static void wrapParagraph(Typeface face, String text, float size, float width, List<String> out) {
        String rest = text;
        while (face.width(rest, size) > width) {
            int fit = fitting(face, rest, size, width);
            int cut = fit;
            if (!isBreakable(rest, fit)) {
                int space = rest.lastIndexOf(' ', fit);
                if (space > 0) {
                    cut = space;
                }
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
    }

    /** How many chars of {@code text} fit (at least one, so a too-narrow column still makes progress). */
    private static int fitting(Typeface face, String text, float size, float width) {
        int n = 1;
        while (n < text.length() && face.width(text.substring(0, n + 1), size) <= width) {
            n++;
        }
        return n;
    }

    /** A break before index {@code i} is fine if either side of it is a space or an ideograph. */
    private static boolean isBreakable(String text, int i) {
        char before = text.charAt(i - 1);
        char after = text.charAt(i);
        return before == ' ' || after == ' ' || isWide(before) || isWide(after);
    }

    private static boolean isWide(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }
}
