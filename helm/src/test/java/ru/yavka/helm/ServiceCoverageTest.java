package ru.yavka.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service in the build, and each of the seven, has a Deployment, an image recipe and its settings. */
class ServiceCoverageTest {

    /** Modules of the root pom that are Quarkus services (they build with quarkus-maven-plugin). */
    static Set<String> serviceModulesOfTheBuild() throws IOException {
        String pom = Files.readString(Chart.root().resolve("pom.xml"));
        String modules = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
        Set<String> services = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(modules);
        while (m.find()) {
            Path modulePom = Chart.root().resolve(m.group(1)).resolve("pom.xml");
            if (Files.exists(modulePom) && Files.readString(modulePom).contains("quarkus-maven-plugin")) {
                services.add(m.group(1));
            }
        }
        return services;
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyServiceOfTheBuildAndOfTheSevenHasADeployment(Chart.Values values) throws IOException {
        Set<String> deployments = Chart.ofKind(values.objects(), "Deployment").stream().map(Chart::name).collect(Collectors.toSet());
        Set<String> expected = new LinkedHashSet<>(Chart.SERVICES);
        expected.addAll(serviceModulesOfTheBuild());
        assertThat(serviceModulesOfTheBuild()).as("the build has Quarkus services").contains("booking-service");
        for (String service : expected) {
            assertThat(deployments).as("Deployment of %s", service).contains(Chart.RELEASE + "-" + service);
        }
    }

    @Test
    void everyServiceHasAJvmDockerfileThatRunsTheQuarkusAppAsNonRoot() throws IOException {
        Set<String> services = new LinkedHashSet<>(Chart.SERVICES);
        services.addAll(serviceModulesOfTheBuild());
        for (String service : services) {
            Path dockerfile = Chart.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).as("Dockerfile of %s", service).exists();
            String text = Files.readString(dockerfile);
            assertThat(text).as(service)
                    .contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:")
                    .contains("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/")
                    .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                    .containsPattern("(?m)^USER 185$");
            JsonValues values = JsonValues.of(Chart.Values.DEFAULT);
            assertThat(text).as("%s exposes its port", service).contains("EXPOSE " + values.port(service));
        }
    }

    /**
     * A variable that a service's application.properties needs without a default (e.g.
     * ${YAVKA_PII_KEY}) must reach its pods: through the ConfigMaps or a secret reference.
     */
    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyRequiredVariableOfAServiceIsProvided(Chart.Values values) throws IOException {
        List<ObjectNode> objects = values.objects();
        Map<String, String> common = Manifests.strings(Manifests.get(objects, "ConfigMap", Chart.RELEASE + "-common").path("data"));
        Pattern required = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String service : serviceModulesOfTheBuild()) {
            Path properties = Chart.root().resolve(service).resolve("src/main/resources/application.properties");
            if (!Files.exists(properties)) {
                continue;
            }
            Set<String> provided = new LinkedHashSet<>(common.keySet());
            provided.addAll(Manifests.strings(Manifests.get(objects, "ConfigMap", Chart.RELEASE + "-" + service).path("data")).keySet());
            ObjectNode deployment = Manifests.get(objects, "Deployment", Chart.RELEASE + "-" + service);
            Manifests.list(Manifests.podSpec(deployment).path("containers").get(0).path("env"))
                    .forEach(e -> provided.add(e.path("name").asText()));
            for (String line : Files.readAllLines(properties)) {
                String l = line.strip();
                if (l.startsWith("#") || l.startsWith("%")) {
                    continue; // comments and profile-specific (test, dev) settings
                }
                Matcher m = required.matcher(l);
                while (m.find()) {
                    if (!provided.contains(m.group(1))) {
                        missing.computeIfAbsent(service, k -> new LinkedHashSet<>()).add(m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("variables without default that the chart does not set (add them to services.<name>.config or secretEnv)").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void servicesFindEachOtherAndTheirDatabases(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        JsonValues v = JsonValues.of(values);
        Map<String, String> common = Manifests.strings(Manifests.get(objects, "ConfigMap", "yavka-common").path("data"));
        assertThat(common).containsEntry("YAVKA_BOOKING_URL", "http://yavka-booking-service:8081")
                .containsEntry("YAVKA_KAFKA_BOOTSTRAP", v.text("kafka", "bootstrapServers"))
                .containsEntry("YAVKA_REDIS_URL", v.text("redis", "url"))
                .containsEntry("YAVKA_CHROMA_URL", v.text("chromadb", "url"))
                .containsEntry("YAVKA_DB_USER", v.text("postgresql", "user"))
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/yavka/secrets/jwt-public-key");
        for (String service : Chart.SERVICES) {
            String prefix = v.envPrefix(service);
            assertThat(common).containsKey("YAVKA_" + prefix + "_URL");
            Map<String, String> own = Manifests.strings(Manifests.get(objects, "ConfigMap", "yavka-" + service).path("data"));
            assertThat(own).containsEntry("YAVKA_" + prefix + "_PORT", String.valueOf(v.port(service)));
            String db = v.services().path(service).path("database").asText();
            String host = v.text("postgresql", "host") + ":" + v.text("postgresql", "port");
            assertThat(own.get("YAVKA_" + prefix + "_DB_JDBC_URL")).startsWith("jdbc:postgresql://" + host + "/" + db);
            assertThat(own.get("YAVKA_" + prefix + "_DB_REACTIVE_URL")).startsWith("postgresql://" + host + "/" + db);
            assertThat(own).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        }
    }
}
