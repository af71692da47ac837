package ru.yavka.notification.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import ru.yavka.notification.repository.StaffAlert;
import ru.yavka.notification.repository.StaffAlertRepository;

/** Stores an alert and queues it for every device it concerns, in the caller's transaction. */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    /** RFC 8030 5.4: at most 32 characters of the base64url alphabet. */
    private static final int TOPIC_LENGTH = 32;

    private final StaffAlertRepository alerts;

    public AlertService(StaffAlertRepository alerts) {
        this.alerts = alerts;
    }

    public Uni<StaffAlert> raise(AlertDraft draft, Instant now) {
        StaffAlert alert = new StaffAlert();
        alert.id = UUID.randomUUID();
        alert.kind = draft.kind().name();
        alert.title = draft.title();
        alert.body = draft.body();
        alert.url = draft.url();
        alert.doctorId = draft.doctorId();
        alert.audience = String.join(",", draft.kind().audience());
        alert.recipient = draft.recipient();
        alert.urgency = draft.kind().urgency();
        alert.topic = topic(draft.topicKey());
        alert.ttlSeconds = (int) Math.max(60, draft.ttl().toSeconds());
        alert.sourceEventId = draft.sourceEventId();
        alert.createdAt = now;
        return alerts.persist(alert)
                .call(() -> alerts.flush())
                .call(saved -> alerts.queueDeliveries(saved, now)
                        .invoke(devices -> LOG.debugf("alert %s %s queued for %d device(s)", saved.kind, saved.id,
                                devices)));
    }

    /** A stable Topic for what the alert is about; hashed so it fits and says nothing itself. */
    static String topic(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, TOPIC_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
