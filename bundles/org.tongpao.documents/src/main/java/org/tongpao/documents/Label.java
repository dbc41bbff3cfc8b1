package org.tongpao.documents;

import java.util.Objects;

/** A bilingual label: the Chinese text that governs and its English gloss, printed together. */
public record Label(String chinese, String english) {

    public Label {
        Objects.requireNonNull(chinese, "chinese");
        Objects.requireNonNull(english, "english");
    }

    public static Label of(String chinese, String english) {
        return new Label(chinese, english);
    }
}
