package org.tongpao.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a document says, independent of how it is drawn: a bilingual title, then blocks in order (labelled fields,
 * tables, QR codes, notes), and a footer printed small at the bottom of every page. Values are plain text; a line
 * break in a value starts a new line, long lines wrap.
 */
public record Sheet(Label title, List<Block> blocks, String footer) {

    public Sheet {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
        footer = footer == null ? "" : footer;
    }

    /** One part of the sheet. */
    public sealed interface Block permits Field, Table, Qr, Note {
    }

    /** A label and its value on one row; a null value prints as a dash. */
    public record Field(Label label, String value) implements Block {
        public Field {
            Objects.requireNonNull(label, "label");
        }
    }

    /** A table with bilingual column headings; every row has one cell per column. */
    public record Table(List<Label> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> List.copyOf(r.stream().map(c -> c == null ? "" : c).toList())).toList();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size()
                            + " columns");
                }
            }
        }
    }

    /** A QR code of {@code content} (a URL, typically) with a caption under it. */
    public record Qr(String content, Label caption) implements Block {
        public Qr {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(caption, "caption");
        }
    }

    /** A paragraph of text. */
    public record Note(String text) implements Block {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    public static Builder builder(Label title) {
        return new Builder(title);
    }

    /** Builds a sheet block by block, in reading order. */
    public static final class Builder {
        private final Label title;
        private final List<Block> blocks = new ArrayList<>();
        private String footer = "";

        private Builder(Label title) {
            this.title = title;
        }

        public Builder field(String chinese, String english, String value) {
            blocks.add(new Field(Label.of(chinese, english), value));
            return this;
        }

        public Builder table(List<Label> columns, List<List<String>> rows) {
            blocks.add(new Table(columns, rows));
            return this;
        }

        public Builder qr(String content, Label caption) {
            blocks.add(new Qr(content, caption));
            return this;
        }

        public Builder note(String text) {
            blocks.add(new Note(text));
            return this;
        }

        public Builder footer(String text) {
            this.footer = text;
            return this;
        }

        public Sheet build() {
            return new Sheet(title, blocks, footer);
        }
    }
}
