package ru.yavka.booking.rest;

/** Staff roles come from the clinic's identity provider; "service" is another Yavka service. */
final class Roles {

    static final String ADMIN = "admin";
    static final String REGISTRAR = "registrar";
    static final String DOCTOR = "doctor";
    static final String SERVICE = "service";
    /** Reads patient records only to answer a patient's access request (152-FZ Art. 14). */
    static final String AUDITOR = "auditor";

    private Roles() {
    }
}
