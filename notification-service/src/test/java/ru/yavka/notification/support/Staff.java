package ru.yavka.notification.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestTokens;

/** Staff using notification-service's own API, each test with users of its own. */
public final class Staff {

    private Staff() {
    }

    public static String newUser(String role) {
        return role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.yavka";
    }

    public static RequestSpecification as(String role, String user) {
        return given().header("Authorization", "Bearer " + TestTokens.of(role, user)).contentType(ContentType.JSON);
    }

    /** Registers a stand-in device for the user, as the PWA does with PushSubscription.toJSON(). */
    public static String subscribe(String role, String user, PushServiceStandIn.Device device, List<String> doctorIds) {
        return as(role, user)
                .body(Map.of("endpoint", device.endpoint(),
                        "keys", Map.of("p256dh", device.keys().p256dh(), "auth", device.keys().authSecret()),
                        "doctorIds", doctorIds, "userAgent", "stand-in"))
                .put("/api/push/subscription").then().statusCode(200).extract().path("id");
    }

    public static void unsubscribe(String role, String user, String subscriptionId) {
        as(role, user).delete("/api/push/subscriptions/" + subscriptionId);
    }
}
