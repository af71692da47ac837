package ru.yavka.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import ru.yavka.notification.config.NotificationConfig;
import ru.yavka.notification.repository.DashboardQueries;
import ru.yavka.notification.repository.DashboardQueries.Count;

/**
 * The no-show dashboard: the rate by day (every day of the range, empty ones too), by doctor
 * and by specialty; its trend (the last week of the range against the week before); how many
 * visits were confirmed; and how many freed slots the waitlist filled again. A rate is no-shows
 * over visits that are over (arrived or no-show); null where there were none.
 */
@ApplicationScoped
public class NoShowDashboard {

    private static final int TREND_DAYS = 7;
    private static final double FLAT = 0.02;

    private final DashboardQueries queries;
    private final NotificationConfig config;

    public NoShowDashboard(DashboardQueries queries, NotificationConfig config) {
        this.queries = queries;
        this.config = config;
    }

    public record Rate(String key, long visits, long noShows, Double rate) {
        static Rate of(String key, long visits, long noShows) {
            return new Rate(key, visits, noShows, visits == 0 ? null : (double) noShows / visits);
        }
    }

    public record Trend(int days, Double recentRate, Double previousRate, String direction) {
    }

    public record Confirmation(long visits, long confirmed, Double rate) {
    }

    public record Refill(long freedSlots, long refilledFromWaitlist, Double rate) {
    }

    public record Report(LocalDate from, LocalDate to, Rate overall, List<Rate> byDay, List<Rate> byDoctor,
            List<Rate> bySpecialty, Trend trend, Confirmation confirmation, Refill refill) {
    }

    public Uni<Report> report(LocalDate first, LocalDate last) {
        Instant from = first.atStartOfDay(config.clinicZone()).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(config.clinicZone()).toInstant();
        return Uni.combine().all()
                .unis(queries.byDay(from, to, config.clinicZone()), queries.byDoctor(from, to),
                        queries.bySpecialty(from, to), queries.confirmation(from, to), queries.refill(from, to))
                .with((days, doctors, specialties, confirmation, refill) -> {
                    List<Rate> byDay = everyDay(first, last, days);
                    long visits = byDay.stream().mapToLong(Rate::visits).sum();
                    long noShows = byDay.stream().mapToLong(Rate::noShows).sum();
                    return new Report(first, last, Rate.of("all", visits, noShows), byDay, rates(doctors),
                            rates(specialties), trend(byDay),
                            new Confirmation(confirmation.eligible(), confirmation.confirmed(),
                                    share(confirmation.confirmed(), confirmation.eligible())),
                            new Refill(refill.released(), refill.refilledFromWaitlist(),
                                    share(refill.refilledFromWaitlist(), refill.released())));
                });
    }

    private static List<Rate> everyDay(LocalDate first, LocalDate last, List<Count> counts) {
        Map<String, Count> byKey = counts.stream().collect(Collectors.toMap(Count::key, Function.identity()));
        List<Rate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Count c = byKey.get(d.toString());
            days.add(c == null ? Rate.of(d.toString(), 0, 0) : Rate.of(d.toString(), c.finished(), c.noShows()));
        }
        return days;
    }

    private static List<Rate> rates(List<Count> counts) {
        return counts.stream().filter(c -> c.key() != null)
                .map(c -> Rate.of(c.key(), c.finished(), c.noShows())).toList();
    }

    static Trend trend(List<Rate> byDay) {
        int n = byDay.size();
        List<Rate> recent = byDay.subList(Math.max(0, n - TREND_DAYS), n);
        List<Rate> previous = byDay.subList(Math.max(0, n - 2 * TREND_DAYS), Math.max(0, n - TREND_DAYS));
        Double now = pooled(recent);
        Double before = pooled(previous);
        String direction = now == null || before == null ? "UNKNOWN"
                : Math.abs(now - before) < FLAT ? "FLAT" : now > before ? "UP" : "DOWN";
        return new Trend(TREND_DAYS, now, before, direction);
    }

    private static Double pooled(List<Rate> days) {
        long visits = days.stream().mapToLong(Rate::visits).sum();
        return share(days.stream().mapToLong(Rate::noShows).sum(), visits);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
