package org.tongpao.documents;

import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.documents.internal.PdfRenderer;

/**
 * Renders sheets as documents. The OSGi service uses the font configured in {@code org.tongpao.documents}
 * ({@code fontFile}) or else the bundled one: Noto Sans SC for ASCII, Latin-1 and its 30,000 hanzi (GB 2312 and the rarer
 * characters of the CJK Unified Ideographs, extension A and some of B); a
 * character the font lacks prints as {@code ?} (configure a fuller TrueType font for rare names).
 */
@ProviderType
public interface Documents {

    /** The media type of {@link #pdf(Sheet)}. */
    String PDF = "application/pdf";

    /** The sheet as an A4 PDF, its font embedded as a subset of the characters used (tens of kilobytes). */
    byte[] pdf(Sheet sheet);

    /** A renderer with the bundled font, for code that runs outside OSGi (tests, tools). */
    static Documents standalone() {
        return PdfRenderer.withBundledFont();
    }
}
