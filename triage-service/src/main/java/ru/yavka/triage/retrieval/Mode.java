package ru.yavka.triage.retrieval;

import java.util.Locale;

/** Which sides of retrieval vote; lexical and dense alone exist to measure what each adds. */
public enum Mode {
    HYBRID, LEXICAL, DENSE;

    public static Mode of(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    boolean lexical() {
        return this != DENSE;
    }

    boolean dense() {
        return this != LEXICAL;
    }
}
