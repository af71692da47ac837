package ru.yavka.telegram.rest;

/** Staff roles come from the clinic's identity provider, in the JWT's groups (as in booking-service). */
final class Roles {

    static final String ADMIN = "admin";

    private Roles() {
    }
}
