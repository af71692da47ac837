package ru.yavka.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.Authenticated;
import ru.yavka.notification.client.WebPushClient;
import ru.yavka.notification.config.LoginConfig;
import ru.yavka.notification.service.StaffUser;

@Path("/api")
@Tag(name = "session", description = "What the PWA needs to sign in and to know who is signed in")
public class SessionResource {

    private final CurrentUser user;
    private final LoginConfig login;
    private final WebPushClient push;

    public SessionResource(CurrentUser user, LoginConfig login, WebPushClient push) {
        this.user = user;
        this.login = login;
        this.push = push;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Oidc(String authority, String clientId, String scope) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientConfig(Oidc oidc, boolean devTokenLogin, boolean push) {
    }

    public record Me(String name, List<String> roles, UUID doctorId) {
    }

    /** Public: the login page reads it before anyone is signed in. */
    @GET
    @Path("/config")
    @PermitAll
    public ClientConfig config() {
        Oidc oidc = login.oidcAuthority().isPresent() && login.oidcClientId().isPresent()
                ? new Oidc(login.oidcAuthority().get(), login.oidcClientId().get(), login.oidcScope())
                : null;
        return new ClientConfig(oidc, login.devTokenForm(), push.configured());
    }

    /** 200 with the caller, or 401: how the PWA checks a token before keeping it. */
    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        StaffUser me = user.get();
        return new Me(me.name(), me.roles(), me.doctorId().orElse(null));
    }
}
