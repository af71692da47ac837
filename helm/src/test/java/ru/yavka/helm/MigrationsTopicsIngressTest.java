package ru.yavka.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration hook Jobs, the Strimzi topics and the Ingresses. */
class MigrationsTopicsIngressTest {

    private static final Map<String, Integer> TOPICS = Map.of(
            "AppointmentBooked", 6, "AppointmentConfirmed", 6, "AppointmentCancelled", 6,
            "AppointmentRescheduled", 6, "AppointmentArrived", 6, "SlotReleased", 3, "ReminderDue", 6,
            "NoShowDetected", 3, "WaitlistOffered", 3, "DataAccessed", 6);

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void aHookJobMigratesEachDatabaseBeforeInstallAndUpgrade(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        JsonValues v = JsonValues.of(values);
        ObjectNode account = Manifests.get(objects, "ServiceAccount", "yavka-migrations");
        assertThat(Manifests.strings(account.path("metadata").path("annotations")))
                .containsEntry(Chart.REVEALED_HOOK, "pre-install,pre-upgrade")
                .containsEntry(Chart.REVEALED_HOOK + "-weight", "-10");
        for (String service : Chart.SERVICES) {
            ObjectNode job = Manifests.get(objects, "Job", "yavka-" + service + "-migrate");
            assertThat(Manifests.strings(job.path("metadata").path("annotations")))
                    .containsEntry(Chart.REVEALED_HOOK, "pre-install,pre-upgrade")
                    .containsEntry(Chart.REVEALED_HOOK + "-weight", "0")
                    .containsEntry(Chart.REVEALED_HOOK + "-delete-policy", "before-hook-creation");
            JsonNode pod = Manifests.podSpec(job);
            assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
            assertThat(pod.path("serviceAccountName").asText()).isEqualTo("yavka-migrations");
            JsonNode container = pod.path("containers").get(0);
            ObjectNode deployment = Manifests.get(objects, "Deployment", "yavka-" + service);
            assertThat(container.path("image").asText()).as("the service's own image, so its own migrations")
                    .isEqualTo(Manifests.podSpec(deployment).path("containers").get(0).path("image").asText());
            Map<String, String> env = new LinkedHashMap<>();
            Manifests.list(container.path("env")).forEach(e -> env.put(e.path("name").asText(),
                    e.has("value") ? e.path("value").asText() : "<secret>"));
            String prefix = v.envPrefix(service);
            assertThat(env).containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                    .containsEntry("QUARKUS_FLYWAY_ACTIVE", "true")
                    .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
                    .containsEntry("YAVKA_DB_PASSWORD", "<secret>")
                    .containsKeys("YAVKA_" + prefix + "_DB_JDBC_URL", "YAVKA_" + prefix + "_DB_REACTIVE_URL", "YAVKA_DB_USER");
            // The Job has the service's whole configuration: Quarkus validates it before migrating.
            Map<String, String> config = Manifests.strings(Manifests.get(objects, "ConfigMap", "yavka-" + service).path("data"));
            config.forEach((k, val) -> {
                if (!k.equals("QUARKUS_FLYWAY_MIGRATE_AT_START")) {
                    assertThat(env).as("Job of %s", service).containsEntry(k, val);
                }
            });
            Manifests.list(Manifests.podSpec(deployment).path("containers").get(0).path("env"))
                    .forEach(e -> assertThat(env).as("secret env of the Job of %s", service).containsKey(e.path("name").asText()));
            assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        }
    }

    @Test
    void topicsAreStrimziKafkaTopicsOnlyWhenAsked() {
        assertThat(Chart.ofKind(Chart.Values.DEFAULT.objects(), "KafkaTopic")).isEmpty();

        List<ObjectNode> topics = Chart.ofKind(Chart.Values.PRODUCTION.objects(), "KafkaTopic");
        Map<String, Integer> partitions = topics.stream().collect(Collectors.toMap(
                t -> t.path("spec").path("topicName").asText(), t -> t.path("spec").path("partitions").asInt()));
        Map<String, Integer> expected = new LinkedHashMap<>(TOPICS);
        expected.put("DataAccessed-dlq", 1);
        expected.put("PatientDataErased-dlq", 1);
        assertThat(partitions).isEqualTo(expected);
        for (ObjectNode t : topics) {
            assertThat(t.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("yavka-kafka");
            assertThat(t.path("metadata").path("annotations").path("helm.sh/resource-policy").asText()).isEqualTo("keep");
            assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        }

        List<ObjectNode> prefixed = Chart.ofKind(Chart.render(Chart.Values.PRODUCTION, t -> t.set("kafka.topicPrefix", "clinic1.")), "KafkaTopic");
        assertThat(prefixed).allSatisfy(t -> {
            assertThat(t.path("spec").path("topicName").asText()).startsWith("clinic1.");
            StrictKubernetes.read(t);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void ingressesServeThePwaTheApiAndTheTelegramWebhookWithTls(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        JsonValues v = JsonValues.of(values);
        ObjectNode staff = Manifests.get(objects, "Ingress", "yavka-staff");
        String host = v.text("ingress", "staff", "host");
        assertThat(staff.path("spec").path("tls").get(0).path("hosts").get(0).asText()).isEqualTo(host);
        assertThat(staff.path("spec").path("tls").get(0).path("secretName").asText()).isNotEmpty();
        Map<String, String> routes = new LinkedHashMap<>();
        for (JsonNode rule : staff.path("spec").path("rules")) {
            assertThat(rule.path("host").asText()).isEqualTo(host);
            for (JsonNode path : rule.path("http").path("paths")) {
                routes.put(path.path("path").asText(), path.path("backend").path("service").path("name").asText());
            }
        }
        assertThat(routes).containsEntry("/", "yavka-notification-service")
                .containsEntry("/api/appointments", "yavka-booking-service")
                .containsEntry("/api/slots", "yavka-booking-service")
                .containsEntry("/api/patients", "yavka-booking-service")
                .containsEntry("/api/reminders", "yavka-reminder-service")
                .containsEntry("/api/triage", "yavka-triage-service")
                .containsEntry("/api/integration", "yavka-integration-1c-service")
                .containsEntry("/api/audit", "yavka-audit-service");
        assertThat(routes.values()).doesNotContain("yavka-telegram-gateway");

        ObjectNode webhook = Manifests.get(objects, "Ingress", "yavka-telegram-webhook");
        String webhookHost = v.text("ingress", "telegramWebhook", "host");
        assertThat(webhook.path("spec").path("tls").get(0).path("hosts").get(0).asText()).isEqualTo(webhookHost);
        JsonNode path = webhook.path("spec").path("rules").get(0).path("http").path("paths").get(0);
        assertThat(path.path("path").asText()).isEqualTo("/telegram/webhook");
        assertThat(path.path("pathType").asText()).isEqualTo("Exact");
        assertThat(path.path("backend").path("service").path("name").asText()).isEqualTo("yavka-telegram-gateway");
        assertThat(Manifests.strings(Manifests.get(objects, "ConfigMap", "yavka-telegram-gateway").path("data")))
                .containsEntry("YAVKA_TELEGRAM_WEBHOOK_URL", "https://" + webhookHost + "/telegram/webhook");
    }
}
