package org.tongpao.documents.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A4 pages written top to bottom: a cursor that starts a new page when the next piece does not fit, and primitives
 * to draw text, rules and images at the cursor. Every page gets the footer when the document is finished.
 */
final class Canvas implements AutoCloseable {
    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final float BOTTOM = MARGIN + 20; // room for the footer

    private final PDDocument document;
    private final Typeface face;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    Canvas(PDDocument document, Typeface face) throws IOException {
        this.document = document;
        this.face = face;
        newPage();
    }

    Typeface face() {
        return face;
    }

    /** Makes sure {@code height} points fit below the cursor, starting a new page if not. */
    void reserve(float height) throws IOException {
        if (y - height < BOTTOM && y < top()) {
            newPage();
        }
    }

    /** Moves the cursor down. */
    void down(float height) {
        y -= height;
    }

    float y() {
        return y;
    }

    /** One line of text whose baseline is {@code size} below the cursor's current height minus {@code offset}. */
    void text(String printable, float x, float offset, float size, Color color) throws IOException {
        stream.beginText();
        stream.setFont(face.font(), size);
        stream.setNonStrokingColor(color);
        stream.newLineAtOffset(MARGIN + x, y - offset - size);
        stream.showText(printable);
        stream.endText();
    }

    /** A hairline across the page at the cursor. */
    void rule() throws IOException {
        stream.setStrokingColor(Color.LIGHT_GRAY);
        stream.setLineWidth(0.5f);
        stream.moveTo(MARGIN, y);
        stream.lineTo(MARGIN + WIDTH, y);
        stream.stroke();
    }

    /** An image {@code size} points square, its top at the cursor, {@code x} from the left margin. */
    void image(BufferedImage image, float x, float size) throws IOException {
        PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
        stream.drawImage(xobject, MARGIN + x, y - size, size, size);
    }

    /** Closes the last page and writes {@code footer} with the page numbers on every page. */
    void finish(String footer) throws IOException {
        stream.close();
        stream = null;
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream s = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String text = face.printable(footer.isEmpty() ? (i + 1) + " / " + pages.size()
                        : footer + "    " + (i + 1) + " / " + pages.size());
                s.beginText();
                s.setFont(face.font(), 8);
                s.setNonStrokingColor(GREY);
                s.newLineAtOffset(MARGIN, MARGIN - 8);
                s.showText(text);
                s.endText();
            }
        }
    }

    private float top() {
        return PDRectangle.A4.getHeight() - MARGIN;
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(document, page);
        y = top();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}
