package ru.yavka.audit.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestTokens;

/** Calls the API as a caller with a role, the way staff and other services do. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification auditor() {
        return as("auditor");
    }
}
