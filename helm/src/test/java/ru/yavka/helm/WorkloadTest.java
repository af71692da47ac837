package ru.yavka.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes, resources, security context, volumes and the objects around every Deployment. */
class WorkloadTest {

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyDeploymentHasProbesLimitsAndTheSecurityContext(Chart.Values values) {
        List<ObjectNode> deployments = Chart.ofKind(values.objects(), "Deployment");
        assertThat(deployments).hasSize(Chart.SERVICES.size());
        for (ObjectNode d : deployments) {
            String name = Chart.name(d);
            JsonNode pod = Manifests.podSpec(d);

            JsonNode psc = pod.path("securityContext");
            assertThat(psc.path("runAsNonRoot").asBoolean()).as("%s pod runAsNonRoot", name).isTrue();
            assertThat(psc.path("runAsUser").asInt()).as("%s pod runAsUser", name).isPositive();
            assertThat(psc.path("seccompProfile").path("type").asText()).as("%s seccomp", name).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as("%s API token", name).isFalse();
            assertThat(pod.path("serviceAccountName").asText()).isEqualTo(name);

            List<JsonNode> containers = Manifests.list(pod.path("containers"));
            assertThat(containers).as("%s containers", name).hasSize(1);
            for (JsonNode c : Manifests.allContainers(pod)) {
                String where = name + "/" + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("runAsNonRoot").asBoolean()).as("%s runAsNonRoot", where).isTrue();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as("%s readOnlyRootFilesystem", where).isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", where).isFalse();
                assertThat(sc.path("privileged").asBoolean(false)).as("%s privileged", where).isFalse();
                assertThat(Manifests.list(sc.path("capabilities").path("drop")).stream().map(JsonNode::asText))
                        .as("%s drops all capabilities", where).containsExactly("ALL");
                assertThat(sc.path("capabilities").has("add")).as("%s adds capabilities", where).isFalse();
                for (String kind : List.of("requests", "limits")) {
                    assertThat(c.path("resources").path(kind).path("cpu").asText()).as("%s %s.cpu", where, kind).isNotEmpty();
                    assertThat(c.path("resources").path(kind).path("memory").asText()).as("%s %s.memory", where, kind).isNotEmpty();
                }
            }

            JsonNode app = containers.get(0);
            int port = app.path("ports").get(0).path("containerPort").asInt();
            assertThat(app.path("ports").get(0).path("name").asText()).isEqualTo("http");
            String probePort = Manifests.list(app.path("ports")).stream()
                    .anyMatch(p -> p.path("name").asText().equals("management")) ? "management" : "http";
            assertProbe(name, app.path("livenessProbe"), "/q/health/live", probePort);
            assertProbe(name, app.path("readinessProbe"), "/q/health/ready", probePort);
            assertProbe(name, app.path("startupProbe"), "/q/health/started", probePort);
            assertThat(port).isBetween(8080, 8087);

            // The read-only root filesystem needs a writable /tmp.
            assertThat(Manifests.list(app.path("volumeMounts")))
                    .anySatisfy(m -> {
                        assertThat(m.path("mountPath").asText()).isEqualTo("/tmp");
                        assertThat(m.path("name").asText()).isEqualTo("tmp");
                    });
            assertThat(Manifests.list(pod.path("volumes")))
                    .anySatisfy(v -> {
                        assertThat(v.path("name").asText()).isEqualTo("tmp");
                        assertThat(v.has("emptyDir")).isTrue();
                    });
            assertThat(app.path("image").asText()).as("%s image", name).matches("[^:\\s]+/[^:\\s]+:[^:\\s]+");
        }
    }

    private static void assertProbe(String name, JsonNode probe, String path, String port) {
        assertThat(probe.path("httpGet").path("path").asText()).as("%s probe path", name).isEqualTo(path);
        assertThat(probe.path("httpGet").path("port").asText()).as("%s probe port", name).isEqualTo(port);
    }

    @Test
    void aManagementPortMovesProbesAndMetricsOffTheRoutedPort() {
        List<ObjectNode> objects = Chart.render(Chart.Values.DEFAULT, t -> t.set("services.notification-service.managementPort", 9000));
        objects.forEach(StrictKubernetes::read);
        ObjectNode d = Manifests.get(objects, "Deployment", "yavka-notification-service");
        JsonNode app = Manifests.podSpec(d).path("containers").get(0);
        assertThat(Manifests.list(app.path("ports")).stream().map(p -> p.path("name").asText() + ":" + p.path("containerPort").asInt()))
                .containsExactly("http:8080", "management:9000");
        assertProbe("notification", app.path("livenessProbe"), "/q/health/live", "management");
        assertProbe("notification", app.path("readinessProbe"), "/q/health/ready", "management");
        assertThat(Manifests.strings(Manifests.get(objects, "ConfigMap", "yavka-notification-service").path("data")))
                .containsEntry("QUARKUS_MANAGEMENT_PORT", "9000");
        ObjectNode policy = Manifests.get(objects, "NetworkPolicy", "yavka-notification-service");
        assertThat(policy.path("spec").path("ingress").toString()).contains("\"port\":9000");
        assertThat(d.path("spec").path("template").path("metadata").path("annotations").path("prometheus.io/port").asText()).isEqualTo("9000");
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void servicesPdbsAndAccountsMatchTheirDeployments(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        for (ObjectNode d : Chart.ofKind(objects, "Deployment")) {
            String name = Chart.name(d);
            Map<String, String> podLabels = Manifests.strings(d.path("spec").path("template").path("metadata").path("labels"));
            assertThat(Manifests.selects(d.path("spec").path("selector"), podLabels)).isTrue();

            ObjectNode svc = Manifests.get(objects, "Service", name);
            JsonNode serviceSelector = Chart.YAML.createObjectNode().set("matchLabels", svc.path("spec").path("selector"));
            assertThat(Manifests.selects(serviceSelector, podLabels)).as("Service %s selects its pods", name).isTrue();
            assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");

            ObjectNode pdb = Manifests.get(objects, "PodDisruptionBudget", name);
            assertThat(Manifests.selects(pdb.path("spec").path("selector"), podLabels)).as("PDB %s selects its pods", name).isTrue();
            assertThat(pdb.path("spec").has("minAvailable") ^ pdb.path("spec").has("maxUnavailable")).isTrue();
            if (pdb.path("spec").has("minAvailable")) {
                int replicas = d.path("spec").has("replicas") ? d.path("spec").path("replicas").asInt()
                        : Manifests.get(objects, "HorizontalPodAutoscaler", name).path("spec").path("minReplicas").asInt();
                assertThat(pdb.path("spec").path("minAvailable").asInt())
                        .as("PDB %s must leave room for a voluntary disruption", name).isLessThan(replicas);
            }

            ObjectNode sa = Manifests.get(objects, "ServiceAccount", name);
            assertThat(sa.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            Manifests.get(objects, "ConfigMap", name);
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void autoscalingForBookingTriageAndTheTelegramWebhook(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        Set<String> scaled = Chart.ofKind(objects, "HorizontalPodAutoscaler").stream()
                .map(h -> h.path("spec").path("scaleTargetRef").path("name").asText()).collect(Collectors.toSet());
        assertThat(scaled).containsExactlyInAnyOrder("yavka-booking-service", "yavka-triage-service", "yavka-telegram-gateway");
        for (ObjectNode hpa : Chart.ofKind(objects, "HorizontalPodAutoscaler")) {
            ObjectNode target = Manifests.get(objects, "Deployment", hpa.path("spec").path("scaleTargetRef").path("name").asText());
            assertThat(target.path("spec").has("replicas")).as("an autoscaled Deployment leaves replicas to the HPA").isFalse();
            assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.path("spec").path("maxReplicas").asInt()).isGreaterThan(hpa.path("spec").path("minReplicas").asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theTriageModelIsMountedReadOnlyIntoTriageOnly(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        for (ObjectNode d : Chart.ofKind(objects, "Deployment")) {
            JsonNode pod = Manifests.podSpec(d);
            boolean triage = Chart.name(d).equals("yavka-triage-service");
            boolean hasModel = Manifests.list(pod.path("volumes")).stream().anyMatch(v -> v.path("name").asText().equals("triage-model"));
            assertThat(hasModel).as("model volume in %s", Chart.name(d)).isEqualTo(triage);
            if (triage) {
                JsonNode init = pod.path("initContainers").get(0);
                assertThat(init.path("name").asText()).isEqualTo("triage-model");
                assertThat(init.path("command").toString()).contains("model.onnx", "tokenizer.json");
                JsonNode mount = Manifests.list(pod.path("containers").get(0).path("volumeMounts")).stream()
                        .filter(m -> m.path("name").asText().equals("triage-model")).findFirst().orElseThrow();
                assertThat(mount.path("readOnly").asBoolean()).isTrue();
                var config = Manifests.strings(Manifests.get(objects, "ConfigMap", "yavka-triage-service").path("data"));
                assertThat(config).containsEntry("YAVKA_TRIAGE_MODEL_DIR", mount.path("mountPath").asText())
                        .containsEntry("DJL_CACHE_DIR", "/tmp/djl");
            }
        }
    }
}
