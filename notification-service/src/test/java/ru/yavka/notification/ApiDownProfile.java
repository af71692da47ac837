package ru.yavka.notification;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** booking-service and audit-service unreachable (nothing listens on port 1). */
public class ApiDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("yavka.upstream.booking", "http://127.0.0.1:1",
                "yavka.upstream.audit", "http://127.0.0.1:1");
    }
}
