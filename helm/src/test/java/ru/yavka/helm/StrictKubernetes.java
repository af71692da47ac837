package ru.yavka.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rendered object into the fabric8 Kubernetes API type of its apiVersion and kind, strictly:
 * a field the API type does not have, or a value of the wrong type, fails. fabric8's model keeps
 * unknown fields in an "additionalProperties" map (a Jackson any-setter); this reader switches
 * that off, so Jackson's FAIL_ON_UNKNOWN_PROPERTIES applies. It then checks that nothing of the
 * original was lost on the way (the typed object written back contains every original field).
 * Custom resources (Strimzi KafkaTopic) have no Java types here; they are checked structurally.
 */
final class StrictKubernetes {

    private static final KubernetesSerialization LENIENT = new KubernetesSerialization();

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }

                @Override
                public Boolean hasAnyGetter(Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final Pattern DNS_1123_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Set<String> KAFKA_TOPIC_SPEC = Set.of("topicName", "partitions", "replicas", "config");

    private StrictKubernetes() {
    }

    /** The typed object, or for a KafkaTopic the generic one after its structural check. */
    static HasMetadata read(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new AssertionError("object without apiVersion/kind: " + object);
        }
        if (apiVersion.startsWith("kafka.strimzi.io/")) {
            return kafkaTopic(object);
        }
        HasMetadata probe;
        try {
            probe = LENIENT.unmarshal(object.toString(), HasMetadata.class);
        } catch (RuntimeException e) {
            throw new AssertionError(kind + " " + Chart.name(object) + " cannot be read as a Kubernetes object: " + e.getMessage(), e);
        }
        if (probe instanceof GenericKubernetesResource) {
            throw new AssertionError("no Kubernetes API type for " + apiVersion + " " + kind
                    + " (a typo in apiVersion or kind?)");
        }
        HasMetadata typed;
        try {
            typed = STRICT.treeToValue(object, probe.getClass());
        } catch (Exception e) {
            throw new AssertionError(kind + " " + Chart.name(object) + " does not match the API type "
                    + probe.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        JsonNode back = LENIENT.convertValue(typed, JsonNode.class);
        assertContained(object, back, kind + "/" + Chart.name(object));
        return typed;
    }

    /** Every field and value of {@code original} appears in {@code written} (which may add defaults). */
    static void assertContained(JsonNode original, JsonNode written, String path) {
        if (original.isObject()) {
            if (!written.isObject()) {
                throw new AssertionError(path + ": expected an object, the API type wrote " + written);
            }
            for (Map.Entry<String, JsonNode> e : original.properties()) {
                if (e.getValue().isNull()) {
                    continue;
                }
                JsonNode w = written.get(e.getKey());
                if (w == null) {
                    if (isEmptyContainer(e.getValue())) {
                        continue; // an empty list or map is the same as none
                    }
                    throw new AssertionError(path + "." + e.getKey() + " was dropped by the API type");
                }
                assertContained(e.getValue(), w, path + "." + e.getKey());
            }
        } else if (original.isArray()) {
            if (!written.isArray() || written.size() != original.size()) {
                throw new AssertionError(path + ": list changed: " + original + " -> " + written);
            }
            for (int i = 0; i < original.size(); i++) {
                assertContained(original.get(i), written.get(i), path + "[" + i + "]");
            }
        } else if (!original.asText().equals(written.asText())) {
            throw new AssertionError(path + ": value changed: " + original + " -> " + written);
        }
    }

    private static boolean isEmptyContainer(JsonNode node) {
        return (node.isArray() || node.isObject()) && node.isEmpty();
    }

    private static HasMetadata kafkaTopic(ObjectNode object) {
        String where = "KafkaTopic " + Chart.name(object);
        String apiVersion = object.path("apiVersion").asText();
        check(Set.of("kafka.strimzi.io/v1beta2", "kafka.strimzi.io/v1").contains(apiVersion), where + ": apiVersion " + apiVersion);
        check("KafkaTopic".equals(object.path("kind").asText()), where + ": only KafkaTopic is expected from kafka.strimzi.io");
        check(fieldsWithin(object, Set.of("apiVersion", "kind", "metadata", "spec")), where + ": unknown top-level field");
        String name = Chart.name(object);
        check(name.length() <= 63 && DNS_1123_NAME.matcher(name).matches(), where + ": name is not a DNS-1123 label");
        check(!object.path("metadata").path("labels").path("strimzi.io/cluster").asText().isEmpty(),
                where + ": the strimzi.io/cluster label is required");
        JsonNode spec = object.path("spec");
        check(spec.isObject() && fieldsWithin(spec, KAFKA_TOPIC_SPEC), where + ": spec fields must be within " + KAFKA_TOPIC_SPEC);
        check(spec.path("partitions").isInt() && spec.path("partitions").asInt() > 0, where + ": partitions must be a positive integer");
        check(spec.path("replicas").isInt() && spec.path("replicas").asInt() > 0, where + ": replicas must be a positive integer");
        check(spec.path("topicName").isTextual() && spec.path("topicName").asText().matches("[a-zA-Z0-9._-]{1,249}"),
                where + ": topicName is not a Kafka topic name");
        JsonNode config = spec.path("config");
        if (!config.isMissingNode()) {
            check(config.isObject(), where + ": config must be a map");
            config.properties().forEach(e -> check(e.getValue().isValueNode(), where + ": config " + e.getKey() + " must be a scalar"));
        }
        // metadata itself must still be a valid ObjectMeta.
        GenericKubernetesResource generic;
        try {
            generic = STRICT.treeToValue(object.deepCopy().without("spec"), GenericKubernetesResource.class);
        } catch (Exception e) {
            throw new AssertionError(where + ": metadata is not an ObjectMeta: " + e.getMessage(), e);
        }
        return generic;
    }

    private static boolean fieldsWithin(JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!allowed.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
