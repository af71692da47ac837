package ru.yavka.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in member of staff. {@code doctorId} comes from the token's "doctor_id" claim,
 * which the clinic's identity provider sets for a doctor's own account.
 */
public record StaffUser(String name, List<String> roles, Optional<UUID> doctorId) {

    public static final String DOCTOR_CLAIM = "doctor_id";

    /** The role pushes are chosen by; empty for a user who takes none (an auditor). */
    public Optional<String> pushedRole() {
        return StaffRole.PUSHED.stream().filter(roles::contains).findFirst();
    }
}
