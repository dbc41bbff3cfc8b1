package org.tongpao.documents.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.tongpao.documents.QrCodes;

/** Looks at a PDF the way a person would: its first page as a picture, the QR code on it, its text. */
public final class PdfProbe {

    private PdfProbe() {
    }

    /** The first page rendered at {@code dpi}, in grey (what a phone camera sees of a print-out). */
    public static BufferedImage firstPage(byte[] pdf, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.GRAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of the QR code on the first page, rendered at 150 dpi. */
    public static Optional<String> qrOnFirstPage(byte[] pdf) {
        // as a checkpoint's phone does: a closer look when the first one does not read (at 150 dpi some codes'
        // modules blur into their neighbours)
        return QrCodes.read(firstPage(pdf, 150)).or(() -> QrCodes.read(firstPage(pdf, 300)))
                .or(() -> QrCodes.read(firstPage(pdf, 600)));
    }

    /** Every page's text, extracted as a reader (or a screen reader) would. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the fonts the first page uses (a subset's name starts with six capitals and a plus). */
    public static List<String> fontsOnFirstPage(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            List<String> names = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                names.add(resources.getFont(name).getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
