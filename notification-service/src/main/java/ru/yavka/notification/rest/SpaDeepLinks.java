package ru.yavka.notification.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * A page of the staff app loaded by its own address (a reload of /schedule?date=…, a push
 * notification's link, a bookmark) gets the app shell, which then routes in the browser. Quinoa's
 * SPA routing alone does not reach these: REST's 404 for an unknown path is turned into a
 * problem+json answer by {@link ProblemMappers} before Quinoa can serve the shell.
 */
@ApplicationScoped
public class SpaDeepLinks {

    /** Paths of pages: not the API, not Quarkus' own endpoints, not files (which have a dot), not "/" itself. */
    static final String PAGE_PATH = "^/(?!api(?:/|$)|q(?:/|$)|assets/)[^./][^.]*$";

    void register(@Observes Router router) {
        router.getWithRegex(PAGE_PATH).order(Integer.MIN_VALUE).handler(context -> context.reroute("/"));
    }
}
