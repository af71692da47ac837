package ru.yavka.contracts.testing;

import io.smallrye.jwt.build.Jwt;

/** Signed JWTs for a role, with the run's own key (see {@link IsolatedStackResource}). */
public final class TestTokens {

    public static final String ISSUER = "https://yavka.local/issuer";

    private TestTokens() {
    }

    public static String of(String role) {
        return of(role, role + "@test.yavka");
    }

    public static String of(String role, String subject) {
        return Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(role).expiresIn(3600).sign();
    }

    public static String bearer(String role) {
        return "Bearer " + of(role);
    }
}
