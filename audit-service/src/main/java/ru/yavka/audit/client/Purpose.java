package ru.yavka.audit.client;

/** What the other services record as the purpose of the access the export makes. */
public final class Purpose {

    public static final String HEADER = "X-Access-Purpose";
    public static final String SUBJECT_ACCESS_REQUEST = "subject-access-request";

    private Purpose() {
    }
}
