package ru.yavka.integration.client;

import java.util.List;

/**
 * One circuit breaker per 1C endpoint group, so a failing visits feed never stops the
 * schedule pull or billing. The names appear in the status API, in health and in metrics.
 */
public final class Breakers {

    public static final String SCHEDULE = "1c-schedule";
    public static final String APPOINTMENTS = "1c-appointments";
    public static final String VISITS = "1c-visits";
    public static final String PATIENTS = "1c-patients";
    public static final String ACCOUNTING = "1c-accounting";

    public static final List<String> ALL = List.of(SCHEDULE, APPOINTMENTS, VISITS, PATIENTS, ACCOUNTING);

    private Breakers() {
    }
}
