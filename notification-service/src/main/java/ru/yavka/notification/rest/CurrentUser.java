package ru.yavka.notification.rest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import ru.yavka.notification.service.ApiProblem;
import ru.yavka.notification.service.StaffRole;
import ru.yavka.notification.service.StaffUser;

/** The caller of this request, as the rest of the service sees them. */
@RequestScoped
public class CurrentUser {

    private static final List<String> KNOWN = List.of(StaffRole.ADMIN, StaffRole.REGISTRAR, StaffRole.DOCTOR,
            StaffRole.AUDITOR, StaffRole.SERVICE);

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public CurrentUser(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public StaffUser get() {
        List<String> roles = KNOWN.stream().filter(identity::hasRole).toList();
        Optional<UUID> doctor = Optional.empty();
        Object claim = jwt.getClaim(StaffUser.DOCTOR_CLAIM);
        if (claim != null) {
            try {
                doctor = Optional.of(UUID.fromString(claim.toString().replace("\"", "").strip()));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "Bad token", "the token's doctor_id claim is not a UUID", "doctor_id");
            }
        }
        return new StaffUser(identity.getPrincipal().getName(), roles, doctor);
    }
}
