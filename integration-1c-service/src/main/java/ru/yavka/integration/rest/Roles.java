package ru.yavka.integration.rest;

/** Staff roles come from the clinic's identity provider; "service" is another Yavka service. */
final class Roles {

    static final String ADMIN = "admin";
    static final String REGISTRAR = "registrar";
    static final String DOCTOR = "doctor";
    static final String AUDITOR = "auditor";
    static final String SERVICE = "service";

    private Roles() {
    }
}
