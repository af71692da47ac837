package ru.yavka.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.http.HttpResponse;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import ru.yavka.notification.client.WebPushClient;
import ru.yavka.notification.client.WebPushClient.Message;
import ru.yavka.notification.client.WebPushClient.Result;
import ru.yavka.notification.config.PushConfig;
import ru.yavka.notification.repository.DeliveryQueue;
import ru.yavka.notification.repository.DeliveryQueue.Claimed;

/**
 * Sends queued deliveries to the push services. 2xx: sent. 404/410: the browser dropped the
 * subscription, so it is deleted with its queue. 429 and 5xx (and no answer): tried again after
 * the push service's Retry-After, or an exponential backoff with jitter, until the attempts
 * run out or the alert's TTL does. Any other 4xx is a request the push service will never take:
 * given up at once.
 */
@ApplicationScoped
public class PushDispatcher {

    private static final Logger LOG = Logger.getLogger(PushDispatcher.class);

    private final DeliveryQueue queue;
    private final WebPushClient push;
    private final PushConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public PushDispatcher(DeliveryQueue queue, WebPushClient push, PushConfig config, Clock clock,
            MeterRegistry metrics) {
        this.queue = queue;
        this.push = push;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(every = "${yavka.push.dispatch-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            while (dispatchBatch() == config.batchSize()) {
                // A full batch means more are due: go on without waiting for the next tick.
            }
        } catch (RuntimeException e) {
            LOG.warnf("push dispatch pass failed, will retry: %s", e.toString());
        }
    }

    /** Claims and sends one batch; returns how many deliveries it claimed. */
    public int dispatchBatch() {
        List<Claimed> batch = queue.claimDue(clock.instant(), config.claimLease(), config.batchSize());
        for (int from = 0; from < batch.size(); from += config.parallelSends()) {
            sendTogether(batch.subList(from, Math.min(batch.size(), from + config.parallelSends())));
        }
        return batch.size();
    }

    private void sendTogether(List<Claimed> deliveries) {
        List<Future<HttpResponse>> pending = new ArrayList<>();
        List<Claimed> started = new ArrayList<>();
        for (Claimed d : deliveries) {
            Instant now = clock.instant();
            Duration left = Duration.ofSeconds(d.ttlSeconds()).minus(Duration.between(d.alertCreatedAt(), now));
            if (left.toSeconds() <= 0) {
                queue.finish(d.id(), "EXPIRED", null, "TTL ran out before delivery");
                count("expired", d.kind());
                continue;
            }
            if (!push.configured()) {
                queue.finish(d.id(), "FAILED", null, "VAPID keys are not configured");
                count("failed", d.kind());
                continue;
            }
            try {
                PushPayload payload = new PushPayload(d.alertId(), d.kind(), d.title(), d.body(), d.url(),
                        d.topic(), d.alertCreatedAt());
                // The TTL header is what is left of the alert's: a retried message must not outlive it.
                pending.add(push.start(new Message(d.endpoint(), d.p256dh(), d.auth(), payload.toBytes(),
                        (int) left.toSeconds(), d.urgency(), d.topic())));
                started.add(d);
            } catch (Exception e) {
                // The stored keys cannot be used (a bad p256dh): no later attempt would do better.
                queue.finish(d.id(), "FAILED", null, "cannot encrypt for this subscription: " + e.getMessage());
                count("failed", d.kind());
            }
        }
        for (int i = 0; i < started.size(); i++) {
            settle(started.get(i), push.await(pending.get(i), config.sendTimeout()));
        }
    }

    private void settle(Claimed d, Result result) {
        Instant now = clock.instant();
        if (result.delivered()) {
            queue.markSent(d.id(), d.subscriptionId(), result.status(), now);
            count("sent", d.kind());
        } else if (result.gone()) {
            LOG.infof("push service answered %d for subscription %s: it is gone, deleting it", result.status(),
                    d.subscriptionId());
            queue.dropSubscription(d.subscriptionId());
            count("gone", d.kind());
        } else if (result.transientFailure()) {
            Instant next = now.plus(backoff(d.attempt(), result));
            Instant expires = d.alertCreatedAt().plusSeconds(d.ttlSeconds());
            if (d.attempt() >= config.maxAttempts()) {
                queue.finish(d.id(), "FAILED", status(result), "gave up after " + d.attempt() + " attempts: "
                        + result.error());
                count("failed", d.kind());
            } else if (!next.isBefore(expires)) {
                queue.finish(d.id(), "EXPIRED", status(result), "TTL runs out before the next attempt: "
                        + result.error());
                count("expired", d.kind());
            } else {
                queue.retryAt(d.id(), next, status(result), result.error());
                count("retried", d.kind());
            }
        } else {
            LOG.warnf("push service refused a delivery for subscription %s: %s", d.subscriptionId(),
                    result.error());
            queue.finish(d.id(), "FAILED", status(result), result.error());
            count("failed", d.kind());
        }
    }

    /** Retry-After when the push service gave one; else base·2^(attempt−1) ±20 %, capped. */
    Duration backoff(int attempt, Result result) {
        Duration max = config.retryMax();
        if (result.retryAfter().isPresent()) {
            Duration asked = result.retryAfter().get();
            return asked.compareTo(max) > 0 ? max : asked;
        }
        long base = config.retryBase().toMillis();
        long exponential = base << Math.min(Math.max(attempt - 1, 0), 20);
        long jittered = (long) (exponential * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        return Duration.ofMillis(Math.min(jittered, max.toMillis()));
    }

    private static Integer status(Result result) {
        return result.status() == 0 ? null : result.status();
    }

    private void count(String outcome, String kind) {
        metrics.counter("push.deliveries", "outcome", outcome, "kind", kind).increment();
    }
}
