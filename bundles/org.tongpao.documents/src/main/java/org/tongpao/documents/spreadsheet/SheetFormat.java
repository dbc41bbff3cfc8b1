package org.tongpao.documents.spreadsheet;

import java.util.Locale;
import java.util.Optional;

/** The spreadsheet file formats we read and write. */
public enum SheetFormat {
    /** RFC 4180 comma-separated values, UTF-8 (written with a byte-order mark so Excel shows Chinese correctly). */
    CSV("text/csv", "csv"),
    /** Office Open XML workbook (Excel 2007 and later, WPS, LibreOffice). */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type, without parameters (the CSV we write is always UTF-8). */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format of a {@code Content-Type} or {@code Accept} value; parameters ({@code ;charset=utf-8}) and case are
     * ignored. {@code application/csv} and {@code text/comma-separated-values}, which some clients send, mean CSV.
     */
    public static Optional<SheetFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (bare) {
            case "text/csv":
            case "application/csv":
            case "text/comma-separated-values":
                return Optional.of(CSV);
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                return Optional.of(XLSX);
            default:
                return Optional.empty();
        }
    }

    /** The format named by a file extension or a {@code ?format=} value ({@code csv}, {@code xlsx}; any case). */
    public static Optional<SheetFormat> fromExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String bare = extension.trim().toLowerCase(Locale.ROOT);
        if (bare.startsWith(".")) {
            bare = bare.substring(1);
        }
        for (SheetFormat format : values()) {
            if (format.extension.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
