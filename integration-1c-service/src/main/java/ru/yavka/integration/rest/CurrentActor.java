package ru.yavka.integration.rest;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.service.Actor;

/** The caller of this request, with the purpose it declares in {@code X-Access-Purpose}. */
@RequestScoped
public class CurrentActor {

    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.AUDITOR,
            Roles.SERVICE);

    private final SecurityIdentity identity;
    private final RoutingContext request;
    private final String defaultPurpose;

    public CurrentActor(SecurityIdentity identity, RoutingContext request,
            OneCConfig config) {
        this.identity = identity;
        this.request = request;
        this.defaultPurpose = config.staffPurpose();
    }

    public Actor get() {
        String purpose = request.request().getHeader("X-Access-Purpose");
        String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse("unknown");
        return new Actor(identity.getPrincipal().getName(), role,
                purpose == null || purpose.isBlank() ? defaultPurpose : purpose.strip());
    }
}
