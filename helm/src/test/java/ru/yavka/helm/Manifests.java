package ru.yavka.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/** Small helpers over rendered objects (plain JSON trees). */
final class Manifests {

    private Manifests() {
    }

    static List<JsonNode> list(JsonNode array) {
        if (array == null || array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(Chart.name(o)))
                .findFirst();
    }

    static ObjectNode get(List<ObjectNode> objects, String kind, String name) {
        return find(objects, kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    /** Containers and init containers of a pod spec. */
    static List<JsonNode> allContainers(JsonNode podSpec) {
        List<JsonNode> out = new ArrayList<>(list(podSpec.path("initContainers")));
        out.addAll(list(podSpec.path("containers")));
        return out;
    }

    /** A canonical text of a JSON value: object keys sorted, so equal values compare equal. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            StringBuilder sb = new StringBuilder("{");
            sorted.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(k).append(':').append(v));
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(canonical(n)));
            return items.toString();
        }
        return node.asText();
    }

    /** Whether a label selector's matchLabels all hold on the given labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            throw new AssertionError("matchExpressions are not used by this chart: " + selector);
        }
        return strings(selector.path("matchLabels")).entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
