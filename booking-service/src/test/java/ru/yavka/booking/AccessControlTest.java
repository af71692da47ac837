package ru.yavka.booking;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccessControlTest {

    @Test
    void noTokenIs401() {
        given().get("/api/specialties").then().statusCode(401);
        given().post("/api/appointments").then().statusCode(401);
    }

    @Test
    void forgedTokenIs401() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/api/specialties").then().statusCode(401);
    }

    @Test
    void wrongRoleIs403() {
        Fixtures.as("doctor").body("{}").post("/api/patients").then().statusCode(403);
        Fixtures.as("auditor").get("/api/specialties").then().statusCode(403);
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
