package ru.yavka.notification.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.util.EntityUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.lang.JoseException;
import org.jboss.logging.Logger;

import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.PushService;
import nl.martijndwars.webpush.Urgency;
import nl.martijndwars.webpush.Utils;
import ru.yavka.notification.config.PushConfig;

/**
 * Sends one Web Push message with nl.martijndwars:web-push: RFC 8291 encryption with
 * {@link Encoding#AES128GCM} (named explicitly: the library's one-argument {@code send} still
 * defaults to the legacy "aesgcm" draft) and a VAPID (RFC 8292) signature from the configured
 * key pair. TTL, Urgency and Topic go on every message.
 */
@ApplicationScoped
public class WebPushClient {

    private static final Logger LOG = Logger.getLogger(WebPushClient.class);
    private static final int MAX_ERROR_TEXT = 300;

    /** What to send to one device. {@code urgency} is RFC 8030's: very-low, low, normal, high. */
    public record Message(String endpoint, String p256dh, String auth, byte[] payload, int ttlSeconds,
            String urgency, String topic) {
    }

    /** The push service's answer; status 0 when there was none (network failure or timeout). */
    public record Result(int status, Optional<Duration> retryAfter, String error) {

        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** The subscription no longer exists (expired or unsubscribed): drop it. */
        public boolean gone() {
            return status == 404 || status == 410;
        }

        /** Worth another try later: rate limited, a server error, or no answer at all. */
        public boolean transientFailure() {
            return status == 0 || status == 429 || status >= 500;
        }
    }

    private final PushService push;
    private final String publicKey;
    private final Clock clock;

    public WebPushClient(PushConfig config, Clock clock) {
        this.clock = clock;
        registerBouncyCastle();
        Optional<String> pub = config.vapid().publicKey().filter(s -> !s.isBlank());
        Optional<String> priv = config.vapid().privateKey().filter(s -> !s.isBlank());
        if (pub.isPresent() != priv.isPresent()) {
            throw new IllegalStateException("yavka.push.vapid: give both public-key and private-key "
                    + "(YAVKA_VAPID_PUBLIC_KEY, YAVKA_VAPID_PRIVATE_KEY), or neither; ./clinic vapid makes a pair");
        }
        if (pub.isEmpty()) {
            LOG.warn("No VAPID keys (YAVKA_VAPID_PUBLIC_KEY / YAVKA_VAPID_PRIVATE_KEY): staff cannot turn on push "
                    + "notifications. Run ./clinic vapid to make a pair.");
            this.push = null;
            this.publicKey = null;
            return;
        }
        try {
            PushService service = new PushService(pub.get().strip(), priv.get().strip(), config.vapid().subject());
            if (!Utils.verifyKeyPair(service.getPrivateKey(), service.getPublicKey())) {
                throw new IllegalStateException("yavka.push.vapid: the public key does not belong to the private key");
            }
            this.push = service;
            this.publicKey = pub.get().strip();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("yavka.push.vapid: the keys are not a base64url P-256 pair ("
                    + e.getMessage() + "); ./clinic vapid makes one", e);
        }
    }

    /**
     * web-push asks for the "BC" provider by name. One registered by an earlier class loader
     * (dev-mode reload, a restarted test application) would hand it key classes it cannot use,
     * so ours replaces it.
     */
    private static synchronized void registerBouncyCastle() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null && existing.getClass() == BouncyCastleProvider.class) {
            return;
        }
        if (existing != null) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
        Security.addProvider(new BouncyCastleProvider());
    }

    public boolean configured() {
        return push != null;
    }

    /** The VAPID public key, the browser's applicationServerKey. */
    public Optional<String> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /** Encrypts, signs and starts the request; {@link #await} collects the answer. */
    public Future<HttpResponse> start(Message message) throws GeneralSecurityException, IOException, JoseException {
        if (push == null) {
            throw new IllegalStateException("VAPID keys are not configured");
        }
        Notification notification = Notification.builder()
                .endpoint(message.endpoint())
                .userPublicKey(browserKey(message.p256dh()))
                .userAuth(decode(message.auth()))
                .payload(message.payload())
                .ttl(message.ttlSeconds())
                .urgency(urgency(message.urgency()))
                .topic(message.topic())
                .build();
        return push.sendAsync(notification, Encoding.AES128GCM);
    }

    public Result await(Future<HttpResponse> pending, Duration timeout) {
        try {
            HttpResponse response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.getStatusLine().getStatusCode();
            String error = status >= 200 && status < 300 ? null : status + " " + body(response);
            return new Result(status, retryAfter(response), error);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Result(0, Optional.empty(), "no answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Result(0, Optional.empty(), cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return new Result(0, Optional.empty(), "interrupted");
        }
    }

    /** Checks a browser's keys.p256dh: an uncompressed point on P-256. */
    public static PublicKey browserKey(String p256dh) throws GeneralSecurityException {
        byte[] raw = decode(p256dh);
        if (raw.length != 65 || raw[0] != 0x04) {
            throw new GeneralSecurityException("p256dh must be an uncompressed P-256 point (65 bytes)");
        }
        return Utils.loadPublicKey(raw);
    }

    /** base64url with or without padding; browsers send it unpadded. */
    public static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url.strip().replace('+', '-').replace('/', '_').replace("=", ""));
    }

    private static Urgency urgency(String value) {
        return switch (value) {
            case "very-low" -> Urgency.VERY_LOW;
            case "low" -> Urgency.LOW;
            case "high" -> Urgency.HIGH;
            default -> Urgency.NORMAL;
        };
    }

    /** Retry-After as seconds or an HTTP date (RFC 9110 10.2.3). */
    private Optional<Duration> retryAfter(HttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String body(HttpResponse response) {
        try {
            if (response.getEntity() == null) {
                return "";
            }
            String text = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8).strip();
            return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
        } catch (IOException e) {
            return "";
        }
    }
}
