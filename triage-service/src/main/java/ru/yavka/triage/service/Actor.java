package ru.yavka.triage.service;

import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is asking, in which role, and for what purpose: recorded in DataAccessed. */
public record Actor(String name, String role, String purpose) {

    private static final List<String> ROLES = List.of("admin", "registrar", "doctor", "auditor", "service");

    public static Actor of(SecurityIdentity identity, String purpose) {
        String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse("unknown");
        return new Actor(identity.getPrincipal().getName(), role, purpose);
    }
}
