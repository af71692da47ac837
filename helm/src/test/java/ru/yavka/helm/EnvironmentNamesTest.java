package ru.yavka.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the chart gives a service is one the service reads: named in its
 * application.properties as {@code ${NAME}}, or the environment form of a property declared there
 * (SmallRye Config's mapping), or a variable of Quarkus, MicroProfile, the JVM or DJL itself. A name
 * the service never reads is a setting silently lost, as a token under the wrong name would be.
 */
class EnvironmentNamesTest {

    private static final List<String> PLATFORM_PREFIXES = List.of(
            "QUARKUS_", "MP_", "SMALLRYE_", "JAVA_", "KAFKA_", "DJL_", "ENGINE_CACHE_DIR");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    private static final Pattern PROPERTY = Pattern.compile("(?m)^(?:%[\\w-]+\\.)?([\\w.\"-]+)\\s*=");

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyVariableGivenToAServiceIsOneItReads(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        List<String> unread = new ArrayList<>();
        for (ObjectNode deployment : Chart.ofKind(objects, "Deployment")) {
            String service = Chart.name(deployment).replaceFirst("^" + Chart.RELEASE + "-", "");
            Set<String> readable = readableNames(service);
            for (String name : givenNames(objects, deployment)) {
                if (PLATFORM_PREFIXES.stream().noneMatch(name::startsWith) && !readable.contains(name)) {
                    unread.add(service + " " + name);
                }
            }
        }
        assertThat(unread).as("variables given to a service that it does not read").isEmpty();
    }

    /**
     * Names in env entries (the Secrets among them) and in the service's own ConfigMap; the
     * release-wide ConfigMap every service takes (addresses, time zone) is not one service's.
     */
    private static Set<String> givenNames(List<ObjectNode> objects, ObjectNode deployment) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode container : Manifests.list(Manifests.podSpec(deployment).path("containers"))) {
            Manifests.list(container.path("env")).forEach(e -> names.add(e.path("name").asText()));
            for (JsonNode from : Manifests.list(container.path("envFrom"))) {
                String configMap = from.path("configMapRef").path("name").asText(null);
                if (Chart.name(deployment).equals(configMap)) {
                    Manifests.get(objects, "ConfigMap", configMap).path("data").fieldNames().forEachRemaining(names::add);
                }
            }
        }
        return names;
    }

    private static Set<String> readableNames(String service) {
        Path properties = Chart.root().resolve(service).resolve("src/main/resources/application.properties");
        String text;
        try {
            text = Files.readString(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        Matcher property = PROPERTY.matcher(text);
        while (property.find()) {
            names.add(property.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return names;
    }
}
