package ru.yavka.notification.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.notification.config.NotificationConfig;
import ru.yavka.notification.service.ApiProblem;
import ru.yavka.notification.service.NoShowDashboard;
import ru.yavka.notification.service.StaffRole;

@Path("/api/dashboard")
@Tag(name = "dashboard", description = "No-show statistics from the clinic's events")
@RolesAllowed({StaffRole.ADMIN, StaffRole.REGISTRAR, StaffRole.DOCTOR})
public class DashboardResource {

    private static final int MAX_DAYS = 366;

    private final NoShowDashboard dashboard;
    private final NotificationConfig config;
    private final Clock clock;

    public DashboardResource(NoShowDashboard dashboard, NotificationConfig config, Clock clock) {
        this.dashboard = dashboard;
        this.config = config;
        this.clock = clock;
    }

    /** Days {@code from}..{@code to} inclusive, clinic calendar; the last 30 days by default. */
    @GET
    @Path("/no-shows")
    public Uni<NoShowDashboard.Report> noShows(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = Instant.now(clock).atZone(config.clinicZone()).toLocalDate();
        LocalDate last = Ids.date(to, "to", today);
        LocalDate first = Ids.date(from, "from", last.minusDays(29));
        if (last.isBefore(first)) {
            throw ApiProblem.badRequest("to", "to must not be before from");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ApiProblem.badRequest("to", "at most " + MAX_DAYS + " days at once");
        }
        return dashboard.report(first, last);
    }
}
