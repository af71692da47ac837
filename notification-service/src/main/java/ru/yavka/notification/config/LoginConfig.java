package ru.yavka.notification.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the PWA signs staff in: the clinic's OIDC provider, and locally a pasted token. */
@ConfigMapping(prefix = "yavka.login")
public interface LoginConfig {

    /** Issuer URL of the OIDC provider (its /.well-known/openid-configuration is read by the PWA). */
    Optional<String> oidcAuthority();

    /** Public client id of the PWA at the provider (authorization code flow with PKCE, no secret). */
    Optional<String> oidcClientId();

    @WithDefault("openid profile")
    String oidcScope();

    /** Offer the "paste a token" form (./clinic token). Off in production. */
    @WithDefault("false")
    boolean devTokenForm();
}
