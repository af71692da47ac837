package ru.yavka.integration.service;

/** Who touches personal data, in which role, and why: recorded in every DataAccessed. */
public record Actor(String name, String role, String purpose) {

    public static Actor system(String name, String purpose) {
        return new Actor(name, "service", purpose);
    }
}
