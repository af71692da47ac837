package ru.yavka.helm;

import com.fasterxml.jackson.databind.JsonNode;

/** The effective values of a render, read independently of the templates. */
record JsonValues(JsonNode root) {

    static JsonValues of(Chart.Values values) {
        return new JsonValues(values.effective());
    }

    JsonNode services() {
        return root.path("services");
    }

    int port(String service) {
        return services().path(service).path("port").asInt();
    }

    String envPrefix(String service) {
        return services().path(service).path("envPrefix").asText();
    }

    String text(String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = n.path(p);
        }
        return n.asText();
    }
}
