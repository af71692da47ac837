package ru.yavka.notification.service;

import java.util.List;

/** Staff roles from the clinic's identity provider (the JWT "groups"). */
public final class StaffRole {

    public static final String ADMIN = "admin";
    public static final String REGISTRAR = "registrar";
    public static final String DOCTOR = "doctor";
    public static final String AUDITOR = "auditor";
    public static final String SERVICE = "service";

    /** The roles that take pushes, in the order a user with several is filed under. */
    public static final List<String> PUSHED = List.of(ADMIN, REGISTRAR, DOCTOR);

    static final List<String> DESK_AND_DOCTORS = List.of(REGISTRAR, ADMIN, DOCTOR);
    static final List<String> DESK = List.of(REGISTRAR, ADMIN);

    private StaffRole() {
    }
}
