package org.tongpao.documents.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.tongpao.documents.Documents;
import org.tongpao.documents.Label;
import org.tongpao.documents.QrCodes;
import org.tongpao.documents.Sheet;

/**
 * Draws a {@link Sheet} with PDFBox: one TrueType font for Chinese and Latin alike, embedded as a subset. Each call
 * parses its own copy of the font from the bytes held here, so renders run in parallel without sharing PDFBox state.
 */
public final class PdfRenderer implements Documents {
    private static final float TITLE = 20;
    private static final float TEXT = 11;
    private static final float SMALL = 8;
    private static final float LABEL_WIDTH = 150;
    private static final float QR_SIZE = 150;

    private final byte[] font;

    PdfRenderer(byte[] trueTypeFont) {
        this.font = trueTypeFont;
    }

    public static PdfRenderer withBundledFont() {
        return new PdfRenderer(FontFiles.bundled());
    }

    @Override
    public byte[] pdf(Sheet sheet) {
        try (PDDocument document = new PDDocument();
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            document.getDocumentInformation().setTitle(sheet.title().chinese() + " / " + sheet.title().english());
            document.getDocumentInformation().setCreator("Tongpao");
            try (Canvas canvas = new Canvas(document, new Typeface(document, ttf))) {
                title(canvas, sheet.title());
                for (Sheet.Block block : sheet.blocks()) {
                    draw(canvas, block);
                }
                canvas.finish(sheet.footer());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render '" + sheet.title().english() + "' as PDF", e);
        }
    }

    private static void draw(Canvas canvas, Sheet.Block block) throws IOException {
        if (block instanceof Sheet.Field f) {
            field(canvas, f);
        } else if (block instanceof Sheet.Table t) {
            table(canvas, t);
        } else if (block instanceof Sheet.Qr q) {
            qr(canvas, q);
        } else if (block instanceof Sheet.Note n) {
            note(canvas, n);
        }
    }

    private static void title(Canvas canvas, Label title) throws IOException {
        Typeface face = canvas.face();
        canvas.text(face.printable(title.chinese()), 0, 0, TITLE, Color.BLACK);
        canvas.down(TITLE * 1.4f);
        canvas.text(face.printable(title.english()), 0, 0, TEXT, Canvas.GREY);
        canvas.down(TEXT * 1.4f + 8);
        canvas.rule();
        canvas.down(6);
    }

    /** The label in two lines (Chinese, then English in small grey) beside the value, wrapped. */
    private static void field(Canvas canvas, Sheet.Field f) throws IOException {
        Typeface face = canvas.face();
        List<String> value = Lines.wrap(face, f.value(), TEXT + 1, Canvas.WIDTH - LABEL_WIDTH);
        float height = Math.max(lineHeight(TEXT) + lineHeight(SMALL), value.size() * lineHeight(TEXT + 1)) + 6;
        canvas.reserve(height);
        canvas.text(face.printable(f.label().chinese()), 0, 0, TEXT, Color.BLACK);
        canvas.text(face.printable(f.label().english()), 0, lineHeight(TEXT), SMALL, Canvas.GREY);
        for (int i = 0; i < value.size(); i++) {
            canvas.text(value.get(i), LABEL_WIDTH, i * lineHeight(TEXT + 1), TEXT + 1, Color.BLACK);
        }
        canvas.down(height);
        canvas.rule();
        canvas.down(4);
    }

    private static void table(Canvas canvas, Sheet.Table t) throws IOException {
        Typeface face = canvas.face();
        float column = Canvas.WIDTH / t.columns().size();
        canvas.reserve(lineHeight(TEXT) + lineHeight(SMALL) + 4);
        for (int c = 0; c < t.columns().size(); c++) {
            canvas.text(face.printable(t.columns().get(c).chinese()), c * column, 0, TEXT - 1, Color.BLACK);
            canvas.text(face.printable(t.columns().get(c).english()), c * column, lineHeight(TEXT - 1), SMALL,
                    Canvas.GREY);
        }
        canvas.down(lineHeight(TEXT - 1) + lineHeight(SMALL) + 4);
        canvas.rule();
        canvas.down(3);
        for (List<String> row : t.rows()) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (String cell : row) {
                List<String> wrapped = Lines.wrap(face, cell, TEXT - 1, column - 6);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * lineHeight(TEXT - 1) + 4;
            canvas.reserve(height);
            for (int c = 0; c < cells.size(); c++) {
                for (int i = 0; i < cells.get(c).size(); i++) {
                    canvas.text(cells.get(c).get(i), c * column, i * lineHeight(TEXT - 1), TEXT - 1, Color.BLACK);
                }
            }
            canvas.down(height);
            canvas.rule();
            canvas.down(3);
        }
        canvas.down(6);
    }

    /** The code centred, 8 pixels a module (sharp at any zoom), its caption under it. */
    private static void qr(Canvas canvas, Sheet.Qr q) throws IOException {
        Typeface face = canvas.face();
        float height = QR_SIZE + lineHeight(TEXT) + lineHeight(SMALL) + 10;
        canvas.reserve(height);
        float x = (Canvas.WIDTH - QR_SIZE) / 2;
        canvas.image(QrCodes.image(q.content(), 8), x, QR_SIZE);
        canvas.down(QR_SIZE + 2);
        String zh = face.printable(q.caption().chinese());
        String en = face.printable(q.caption().english());
        canvas.text(zh, (Canvas.WIDTH - face.width(zh, TEXT)) / 2, 0, TEXT, Color.BLACK);
        canvas.text(en, (Canvas.WIDTH - face.width(en, SMALL)) / 2, lineHeight(TEXT), SMALL, Canvas.GREY);
        canvas.down(lineHeight(TEXT) + lineHeight(SMALL) + 8);
    }

    private static void note(Canvas canvas, Sheet.Note n) throws IOException {
        for (String line : Lines.wrap(canvas.face(), n.text(), TEXT - 1, Canvas.WIDTH)) {
            canvas.reserve(lineHeight(TEXT - 1));
            canvas.text(line, 0, 0, TEXT - 1, Canvas.GREY);
            canvas.down(lineHeight(TEXT - 1));
        }
        canvas.down(6);
    }

    private static float lineHeight(float size) {
        return size * 1.35f;
    }
}
