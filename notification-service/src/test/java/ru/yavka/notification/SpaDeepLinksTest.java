package ru.yavka.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A page loaded by its own address gets the app shell; the API and files keep their own answers. */
@QuarkusTest
class SpaDeepLinksTest {

    @Test
    void aReloadedPageGetsTheAppShell() {
        for (String page : new String[] {"/schedule?date=2026-12-05", "/waitlist", "/login/callback?code=x"}) {
            given().get(page).then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .body(containsString("<div id=\"root\">"));
        }
    }

    @Test
    void apiPathsAndMissingFilesAreNotAnsweredWithTheShell() {
        given().get("/api/no-such-thing").then().body(not(containsString("<div id=\"root\">")));
        given().get("/no-such-file.js").then().statusCode(404);
    }
}
