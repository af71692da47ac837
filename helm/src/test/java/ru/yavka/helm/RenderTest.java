package ru.yavka.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real Helm: lint, template with the default and the production-like values, strict API types. */
class RenderTest {

    @Test
    void lintIsClean() {
        var result = new Helm(Chart.dir()).lint().strict().call();
        assertThat(result.isFailed()).as("helm lint --strict failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).as("helm lint --strict messages").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyRenderedObjectIsAStrictlyValidKubernetesObject(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        assertThat(objects).hasSizeGreaterThan(40);
        for (ObjectNode object : objects) {
            StrictKubernetes.read(object);
        }
        Set<String> kinds = objects.stream().map(o -> o.path("kind").asText()).collect(Collectors.toSet());
        assertThat(kinds).contains("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "NetworkPolicy", "Ingress", "Job");
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theChartCreatesNoSecret(Chart.Values values) {
        assertThat(Chart.ofKind(values.objects(), "Secret")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void objectsAreUniqueAndCarryTheReleaseLabels(Chart.Values values) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode o : values.objects()) {
            assertThat(seen.add(o.path("kind").asText() + "/" + Chart.name(o))).as("duplicate %s", Chart.name(o)).isTrue();
            var labels = Manifests.strings(o.path("metadata").path("labels"));
            assertThat(labels).as("labels of %s %s", o.path("kind").asText(), Chart.name(o))
                    .containsEntry("app.kubernetes.io/part-of", "yavka")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
            assertThat(o.path("metadata").has("namespace")).as("namespace is left to helm -n").isFalse();
        }
    }

    /** The real chart's manifest is the revealed render minus the hooks: the hooks are real Helm hooks. */
    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void hooksAreLeftOutOfTheReleaseManifest(Chart.Values values) {
        Set<String> real = keys(values.manifest());
        Set<String> revealed = keys(values.objects().stream()
                .filter(o -> !o.path("metadata").path("annotations").has(Chart.REVEALED_HOOK)).toList());
        Set<String> hooks = keys(values.objects().stream()
                .filter(o -> o.path("metadata").path("annotations").has(Chart.REVEALED_HOOK)).toList());
        assertThat(real).isEqualTo(revealed);
        assertThat(hooks).isNotEmpty().allMatch(k -> k.startsWith("Job/") || k.startsWith("ServiceAccount/"));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void notesCarryTheComplianceRequirements(Chart.Values values) {
        var install = new Helm(Chart.dir()).install().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                .dryRun().withDryRunOption(DryRun.CLIENT).clientOnly();
        if (values.file != null) {
            install = install.withValuesFile(Chart.dir().resolve(values.file));
        }
        String out = install.call().getOutput();
        assertThat(out).contains("NOTES:", "COMPLIANCE (152-FZ", "located in Russia", "LUKS",
                "Backups of PostgreSQL and Kafka must be encrypted", "Secrets are referenced, never created");
    }

    @Test
    void theValidatorRejectsUnknownFieldsAndWrongTypes() {
        ObjectNode deployment = Manifests.get(Chart.Values.DEFAULT.objects(), "Deployment", "yavka-booking-service").deepCopy();
        StrictKubernetes.read(deployment);

        ObjectNode typo = deployment.deepCopy();
        ((ObjectNode) typo.path("spec")).put("replicaz", 2);
        assertThatThrownBy(() -> StrictKubernetes.read(typo)).hasMessageContaining("replicaz");

        ObjectNode probeTypo = deployment.deepCopy();
        ((ObjectNode) Manifests.podSpec(probeTypo).path("containers").get(0).path("livenessProbe")).put("initialDelay", 5);
        assertThatThrownBy(() -> StrictKubernetes.read(probeTypo)).hasMessageContaining("initialDelay");

        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertThatThrownBy(() -> StrictKubernetes.read(wrongType)).isInstanceOf(AssertionError.class);

        ObjectNode unknownKind = deployment.deepCopy();
        unknownKind.put("apiVersion", "apps/v2");
        assertThatThrownBy(() -> StrictKubernetes.read(unknownKind)).hasMessageContaining("no Kubernetes API type");

        ObjectNode topic = Chart.YAML.createObjectNode();
        topic.put("apiVersion", "kafka.strimzi.io/v1beta2").put("kind", "KafkaTopic");
        topic.putObject("metadata").put("name", "t").putObject("labels").put("strimzi.io/cluster", "c");
        topic.putObject("spec").put("partitions", 3).put("replicas", 3).put("topicName", "T").put("partitionz", 1);
        assertThatThrownBy(() -> StrictKubernetes.read(topic)).hasMessageContaining("spec fields");
    }

    @Test
    void badValuesFailTheRenderWithAReason() {
        // values.schema.json
        assertThatThrownBy(() -> Chart.render(Chart.Values.DEFAULT, t -> t.set("triageModel.source", "registry")))
                .hasMessageContaining("triageModel.source must be one of the following");
        assertThatThrownBy(() -> Chart.render(Chart.Values.DEFAULT, t -> t.set("services.booking-service.uses[0]", "mongodb")))
                .hasMessageContaining("services.booking-service.uses.0");
        assertThatThrownBy(() -> Chart.render(Chart.Values.DEFAULT, t -> t.set("services.booking-service.port", "http")))
                .hasMessageContaining("services.booking-service.port");
        assertThatThrownBy(() -> Chart.render(Chart.Values.DEFAULT, t -> t
                .set("networkPolicy.external.internet.service", "booking-service")
                .set("networkPolicy.external.internet.cidrs[0]", "0.0.0.0/0")
                .set("networkPolicy.external.internet.ports[0]", 443)))
                .hasMessageContaining("networkPolicy.external");
        // the templates' own checks
        assertThatThrownBy(() -> Chart.render(Chart.Values.DEFAULT, t -> t.set("triageModel.source", "pvc")))
                .hasMessageContaining("triageModel.pvc.existingClaim is required");
        assertThatThrownBy(() -> Chart.render(Chart.Values.DEFAULT, t -> t.set("networkPolicy.external.telegram.service", "booking-service")))
                .hasMessageContaining("networkPolicy.external.telegram may only be reached by telegram-gateway");
        assertThatThrownBy(() -> Chart.render(Chart.Values.DEFAULT, t -> t.set("services.booking-service.secretEnv.YAVKA_X", "noSuchItem")))
                .hasMessageContaining("secrets.items.noSuchItem is not defined");
    }

    private static Set<String> keys(List<ObjectNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText() + "/" + Chart.name(o)).collect(Collectors.toSet());
    }
}
