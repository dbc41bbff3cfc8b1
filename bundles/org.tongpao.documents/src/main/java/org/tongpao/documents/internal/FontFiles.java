package org.tongpao.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Where the font comes from: the bundled Noto Sans SC subset (every hanzi it has: GB 2312 and the rarer ones of the CJK blocks, see {@code fonts/subset.sh}), or a TrueType
 * file an operator configures. A configured file is checked once, when it is read, so a wrong one fails at
 * configuration time rather than on the first document.
 */
final class FontFiles {
    static final String BUNDLED = "/org/tongpao/documents/fonts/NotoSansSC-Regular.ttf";

    private FontFiles() {
    }

    static byte[] bundled() {
        try (InputStream in = FontFiles.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + BUNDLED + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font", e);
        }
    }

    /** The bytes of a TrueType font file (glyph outlines, .ttf), after checking that it parses and maps Unicode. */
    static byte[] file(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            if (ttf.getUnicodeCmapLookup() == null) {
                throw new IOException(path + " has no Unicode character map");
            }
        }
        return bytes;
    }
}
