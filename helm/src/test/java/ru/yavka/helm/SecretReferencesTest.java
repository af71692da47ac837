package ru.yavka.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Secret reference points to a key that helm/README.md lists, in the Secret the values name. */
class SecretReferencesTest {

    /** What the issue requires the chart to reference (the README may list more, e.g. the service-token key). */
    private static final Set<String> REQUIRED_BY_THE_ISSUE = Set.of(
            "db-password", "pii-key", "pii-hmac-key", "gigachat-auth-key", "telegram-bot-token",
            "telegram-webhook-secret", "vapid-public-key", "vapid-private-key", "onec-medicine-username",
            "onec-medicine-password", "onec-accounting-username", "onec-accounting-password", "jwt-public-key");

    record Ref(String workload, String secret, String key) {
    }

    /** The keys of the table between the secret-keys markers of helm/README.md. */
    static Set<String> documentedKeys() throws IOException {
        String readme = Files.readString(Chart.dir().getParent().resolve("README.md"));
        int begin = readme.indexOf("<!-- secret-keys:begin -->");
        int end = readme.indexOf("<!-- secret-keys:end -->");
        assertThat(begin).as("secret-keys markers in helm/README.md").isPositive();
        assertThat(end).isGreaterThan(begin);
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(readme.substring(begin, end));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static List<Ref> references(List<ObjectNode> objects) {
        List<Ref> refs = new ArrayList<>();
        for (ObjectNode o : objects) {
            JsonNode pod = Manifests.podSpec(o);
            if (pod.isMissingNode()) {
                continue;
            }
            String workload = o.path("kind").asText() + "/" + Chart.name(o);
            for (JsonNode c : Manifests.allContainers(pod)) {
                for (JsonNode env : Manifests.list(c.path("env"))) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        refs.add(new Ref(workload, ref.path("name").asText(), ref.path("key").asText()));
                    }
                }
                for (JsonNode from : Manifests.list(c.path("envFrom"))) {
                    assertThat(from.has("secretRef")).as("%s takes a whole Secret (keys unknown)", workload).isFalse();
                }
            }
            for (JsonNode volume : Manifests.list(pod.path("volumes"))) {
                if (volume.has("secret")) {
                    JsonNode items = volume.path("secret").path("items");
                    if (volume.path("secret").path("secretName").asText().equals("yavka-pg-ca")) {
                        continue; // a CA certificate the production example mounts: not a chart secret
                    }
                    assertThat(items.isArray() && !items.isEmpty()).as("%s mounts a whole Secret", workload).isTrue();
                    items.forEach(i -> refs.add(new Ref(workload, volume.path("secret").path("secretName").asText(), i.path("key").asText())));
                }
                for (JsonNode source : Manifests.list(volume.path("projected").path("sources"))) {
                    if (source.has("secret")) {
                        JsonNode items = source.path("secret").path("items");
                        assertThat(items.isArray() && !items.isEmpty()).as("%s projects a whole Secret", workload).isTrue();
                        items.forEach(i -> refs.add(new Ref(workload, source.path("secret").path("name").asText(), i.path("key").asText())));
                    }
                }
            }
        }
        return refs;
    }

    @Test
    void theDocumentedKeysCoverWhatTheIssueAsksFor() throws IOException {
        assertThat(documentedKeys()).containsAll(REQUIRED_BY_THE_ISSUE);
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everySecretReferencePointsToADocumentedKey(Chart.Values values) throws IOException {
        Set<String> documented = documentedKeys();
        List<Ref> refs = references(values.objects());
        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(r -> assertThat(documented).as("%s references key %s of %s", r.workload(), r.key(), r.secret())
                .contains(r.key()));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyDocumentedKeyIsUsedAndEveryReferenceNamesTheConfiguredSecret(Chart.Values values) throws IOException {
        JsonNode secrets = values.effective().path("secrets");
        String existing = secrets.path("existingSecret").asText("");
        String defaultSecret = existing.isEmpty() ? Chart.RELEASE + "-secrets" : existing;
        Set<String> allowedNames = new LinkedHashSet<>(Set.of(defaultSecret));
        secrets.path("items").forEach(item -> {
            if (item.hasNonNull("secretName")) {
                allowedNames.add(item.path("secretName").asText());
            }
        });
        List<Ref> refs = references(values.objects());
        assertThat(refs).allSatisfy(r -> assertThat(allowedNames).as("Secret named by %s", r.workload()).contains(r.secret()));
        Set<String> used = new LinkedHashSet<>();
        refs.forEach(r -> used.add(r.key()));
        assertThat(used).as("keys referenced by the chart").containsExactlyInAnyOrderElementsOf(documentedKeys());
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void secretValuesNeverAppearInConfigMaps(Chart.Values values) {
        for (ObjectNode cm : Chart.ofKind(values.objects(), "ConfigMap")) {
            Manifests.strings(cm.path("data")).keySet().forEach(k -> assertThat(k)
                    .as("ConfigMap %s", Chart.name(cm))
                    .doesNotContain("PASSWORD").doesNotContain("TOKEN").doesNotEndWith("_SECRET")
                    .isNotIn("YAVKA_PII_KEY", "YAVKA_PII_HMAC_KEY"));
        }
    }
}
