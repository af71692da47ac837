package ru.yavka.audit.rest;

/** Staff roles come from the clinic's identity provider; "service" is another Yavka service. */
final class Roles {

    static final String AUDITOR = "auditor";
    static final String ADMIN = "admin";
    static final String SERVICE = "service";

    private Roles() {
    }
}
