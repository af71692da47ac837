package ru.yavka.integration.service;

/** The kinds of work this service does, as the status API names them. */
public final class SyncKinds {

    public static final String SCHEDULE = "schedule";
    public static final String VISITS = "visits";
    public static final String APPOINTMENTS = "appointments";
    public static final String BILLING = "billing";

    private SyncKinds() {
    }
}
