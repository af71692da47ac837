package ru.yavka.telegram.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ru.yavka.telegram.standin.BotApiStandIn;

/**
 * Starts the local stand-ins the gateway talks to instead of outside systems: the Telegram Bot
 * API (which also enforces Telegram's rate limits with 429s) and triage-service. With the init
 * argument {@code triage=real} there is no triage stand-in: the test runs the real triage-service.
 */
public class GatewayStandIns implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_SECRET = "test-webhook-secret-7f3a";
    /** The test budget: high enough for a burst of 10,000 to play out quickly, enforced all the same. */
    public static final double RATE = 400;

    private static BotApiStandIn telegram;
    private static TriageStandIn triage;
    private boolean realTriage;

    public static BotApiStandIn telegram() {
        return telegram;
    }

    public static TriageStandIn triage() {
        return triage;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        realTriage = "real".equals(initArgs.get("triage"));
    }

    @Override
    public Map<String, String> start() {
        telegram = BotApiStandIn.start(0);
        telegram.enforceLimits(RATE, Duration.ofSeconds(1));
        triage = realTriage ? null : TriageStandIn.start();
        Map<String, String> config = new HashMap<>();
        config.put("yavka.telegram.token", "123456:test-token");
        config.put("yavka.telegram.api-url", telegram.apiUrl());
        config.put("yavka.telegram.poll-timeout", "2s");
        config.put("yavka.telegram.webhook.secret", WEBHOOK_SECRET);
        config.put("yavka.telegram.rate.global-per-second", String.valueOf(RATE));
        config.put("yavka.telegram.rate.queue-per-second", String.valueOf(RATE * 0.9));
        if (triage != null) {
            config.put("quarkus.rest-client.triage.url", triage.url());
        }
        return config;
    }

    @Override
    public void stop() {
        if (telegram != null) {
            telegram.close();
        }
        if (triage != null) {
            triage.close();
            triage = null;
        }
    }
}
