package ru.yavka.integration.simulator;

/** One simulated HTTP answer. */
record Answer(int status, String contentType, String body) {

    static final String JSON = "application/json; charset=utf-8";

    static Answer json(int status, String body) {
        return new Answer(status, JSON, body);
    }

    static Answer ok(String body) {
        return json(200, body);
    }
}
