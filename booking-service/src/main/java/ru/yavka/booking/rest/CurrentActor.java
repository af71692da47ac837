package ru.yavka.booking.rest;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import ru.yavka.booking.config.BookingConfig;
import ru.yavka.booking.service.Actor;

/** The caller of this request, with the purpose it declares in {@code X-Access-Purpose}. */
@RequestScoped
public class CurrentActor {

    static final String PURPOSE_HEADER = "X-Access-Purpose";

    private final SecurityIdentity identity;
    private final RoutingContext request;
    private final BookingConfig config;

    public CurrentActor(SecurityIdentity identity, RoutingContext request, BookingConfig config) {
        this.identity = identity;
        this.request = request;
        this.config = config;
    }

    public Actor get() {
        String purpose = request.request().getHeader(PURPOSE_HEADER);
        return Actor.of(identity, purpose == null || purpose.isBlank() ? config.defaultPurpose() : purpose.strip());
    }
}
