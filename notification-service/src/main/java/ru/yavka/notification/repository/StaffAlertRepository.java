package ru.yavka.notification.repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StaffAlertRepository implements PanacheRepositoryBase<StaffAlert, UUID> {

    private static final String INSERT = """
            INSERT INTO push_delivery (alert_id, subscription_id, status, attempts, next_attempt_at, created_at)
            SELECT :alert, s.id, 'PENDING', 0, :now, :now FROM push_subscription s
            WHERE """;

    /**
     * Queues the alert for every device it concerns, in the caller's transaction: by recipient
     * when it names one, else by role, narrowed to the staff who follow its doctor (or follow
     * every doctor). Returns how many devices were queued.
     */
    public Uni<Integer> queueDeliveries(StaffAlert alert, Instant now) {
        String where;
        if (alert.recipient != null) {
            where = "s.user_name = :recipient";
        } else if (alert.doctorId == null) {
            where = "s.role = ANY(string_to_array(:audience, ','))";
        } else {
            where = """
                    s.role = ANY(string_to_array(:audience, ','))
                    AND (NOT EXISTS (SELECT 1 FROM push_subscription_doctor d WHERE d.subscription_id = s.id)
                         OR EXISTS (SELECT 1 FROM push_subscription_doctor d
                                    WHERE d.subscription_id = s.id AND d.doctor_id = :doctor))""";
        }
        return getSession().chain(session -> {
            // A text block drops its trailing blank: the WHERE clause starts on a line of its own.
            var query = session.createNativeQuery(INSERT + "\n" + where + "\nON CONFLICT DO NOTHING")
                    .setParameter("alert", alert.id)
                    .setParameter("now", now);
            if (alert.recipient != null) {
                query.setParameter("recipient", alert.recipient);
            } else {
                query.setParameter("audience", alert.audience);
                if (alert.doctorId != null) {
                    query.setParameter("doctor", alert.doctorId);
                }
            }
            return query.executeUpdate();
        });
    }

    /** The latest alerts a user in this role was (or would have been) told about. */
    public Uni<List<StaffAlert>> recentFor(String userName, String role, int limit) {
        return find("recipient = ?1 or (recipient is null and audience like ?2) order by createdAt desc",
                userName, "%" + role + "%")
                .page(0, limit * 2).list()
                .map(list -> list.stream()
                        .filter(a -> a.recipient != null || Arrays.asList(a.audience.split(",")).contains(role))
                        .limit(limit)
                        .toList());
    }
}
