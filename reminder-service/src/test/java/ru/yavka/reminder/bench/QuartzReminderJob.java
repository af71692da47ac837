package ru.yavka.reminder.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import ru.yavka.reminder.messaging.EventPublisher;
import ru.yavka.reminder.repository.TouchClaims.DueMessage;
import ru.yavka.reminder.service.TouchDispatcher;

/**
 * The classic way: one Quartz job per reminder. When its trigger fires, the job loads its
 * touch, publishes the same ReminderDue the service would, waits for Kafka's ack, and marks
 * the touch SENT.
 */
public class QuartzReminderJob implements Job {

    private final DataSource dataSource;
    private final EventPublisher publisher;

    public QuartzReminderJob(DataSource dataSource, EventPublisher publisher) {
        this.dataSource = dataSource;
        this.publisher = publisher;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        UUID id = UUID.fromString(context.getJobDetail().getKey().getName());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            DueMessage touch;
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT appointment_id, patient_id, kind, due_at, seq, template, params, buttons, idempotency_key
                    FROM touch WHERE id = ? AND status = 'PLANNED' AND action = 'MESSAGE'""")) {
                select.setObject(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    touch = new DueMessage(id, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9));
                }
            }
            publisher.publish(touch.appointmentId().toString(), TouchDispatcher.toEvent(touch)).get(30, TimeUnit.SECONDS);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE touch SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(Instant.now()));
                update.setObject(2, id);
                update.executeUpdate();
            }
        } catch (Exception e) {
            throw new JobExecutionException(e);
        }
    }
}
