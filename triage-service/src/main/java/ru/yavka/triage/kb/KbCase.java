package ru.yavka.triage.kb;

/**
 * One curated text of the knowledge base: a patient's own words with the specialty they
 * belong to, a red-flag example ({@code redFlag} names its category), or a specialty description.
 */
public record KbCase(String id, String text, String specialty, String redFlag, Kind kind) {

    public enum Kind {
        CASE, RED_FLAG, DESCRIPTION
    }

    public boolean isRedFlag() {
        return kind == Kind.RED_FLAG;
    }
}
