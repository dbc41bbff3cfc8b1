package org.tongpao.documents.internal;

import java.io.IOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of a document, embedded as a subset at save: measures text and makes it printable (a character the
 * font has no glyph for becomes {@code ?}, control characters become spaces), since PDFBox refuses to show a
 * string with an unknown character.
 */
final class Typeface {
    static final char MISSING = '?';

    private final PDType0Font font;
    private final CmapLookup cmap;

    Typeface(PDDocument document, TrueTypeFont ttf) throws IOException {
        this.font = PDType0Font.load(document, ttf, true);
        this.cmap = ttf.getUnicodeCmapLookup();
    }

    PDType0Font font() {
        return font;
    }

    String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                sb.append(' ');
            } else if (cmap.getGlyphId(cp) > 0) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(MISSING);
            }
        });
        return sb.toString();
    }

    /** Width in points of printable text at {@code size}. */
    float width(String printable, float size) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new IllegalStateException("cannot measure text in the document font", e);
        }
    }
}
