package ru.yavka.helm;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The chart under test, rendered by the real Helm library (helm-java), as a list of YAML objects. */
final class Chart {

    static final String RELEASE = "yavka";
    static final String NAMESPACE = "yavka";

    /** The seven services Yavka is made of, whether or not their modules exist yet. */
    static final List<String> SERVICES = List.of(
            "notification-service", "booking-service", "reminder-service", "triage-service",
            "integration-1c-service", "telegram-gateway", "audit-service");

    /** Hook annotations, renamed in the copy of the chart whose hooks are rendered as plain objects. */
    static final String HOOK = "helm.sh/hook";
    static final String REVEALED_HOOK = "yavka.test/hook";

    private static final YAMLFactory STRICT_YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper(STRICT_YAML)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    static Path root() {
        return Path.of(System.getProperty("yavka.root", "..")).toAbsolutePath().normalize();
    }

    static Path dir() {
        return Path.of(System.getProperty("yavka.chart", "yavka")).toAbsolutePath().normalize();
    }

    static Path defaultValues() {
        return dir().resolve("values.yaml");
    }

    static Path productionValues() {
        return dir().resolve("values-production-example.yaml");
    }

    /** Values files the chart is rendered with: the defaults alone, and the production example. */
    enum Values {
        DEFAULT(null), PRODUCTION("values-production-example.yaml");

        final String file;

        Values(String file) {
            this.file = file;
        }

        /** The effective values: the chart's defaults with this file merged over them. */
        JsonNode effective() {
            JsonNode base = read(defaultValues());
            return file == null ? base : merge(base.deepCopy(), read(dir().resolve(file)));
        }

        /**
         * Every object of the release, hooks included. helm-java's template returns the release
         * manifest only, without the hooks (the helm CLI prints both); so this renders a copy
         * of the chart whose hook annotations are renamed to {@link #REVEALED_HOOK}..., which Helm
         * then treats as ordinary objects. {@link #manifest()} is the real chart's manifest.
         */
        List<ObjectNode> objects() {
            return RENDERED.computeIfAbsent(name(), k -> render(revealedHooksCopy(), this, t -> t));
        }

        /** The real chart's release manifest (no hooks). */
        List<ObjectNode> manifest() {
            return RENDERED.computeIfAbsent(name() + "/manifest", k -> render(dir(), this, t -> t));
        }
    }

    static List<ObjectNode> render(Values values, UnaryOperator<TemplateCommand> extra) {
        return render(revealedHooksCopy(), values, extra);
    }

    static List<ObjectNode> render(Path chart, Values values, UnaryOperator<TemplateCommand> extra) {
        TemplateCommand cmd = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (values.file != null) {
            cmd = cmd.withValuesFile(dir().resolve(values.file));
        }
        return parse(extra.apply(cmd).call());
    }

    static List<ObjectNode> parse(String manifests) {
        List<ObjectNode> out = new ArrayList<>();
        try (var parser = STRICT_YAML.createParser(manifests)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new IllegalStateException("rendered document is not an object: " + doc);
                }
                out.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Path revealed;

    /** A copy of the chart under target/ with "helm.sh/hook" renamed in its templates. */
    static synchronized Path revealedHooksCopy() {
        if (revealed != null) {
            return revealed;
        }
        try {
            Path target = Path.of("target", "chart-hooks-revealed", dir().getFileName().toString()).toAbsolutePath();
            if (Files.exists(target)) {
                try (var walk = Files.walk(target)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (var walk = Files.walk(dir())) {
                for (Path src : walk.toList()) {
                    Path dst = target.resolve(dir().relativize(src).toString());
                    if (Files.isDirectory(src)) {
                        Files.createDirectories(dst);
                    } else if (src.getParent().getFileName().toString().equals("templates")) {
                        Files.writeString(dst, Files.readString(src).replace(HOOK, REVEALED_HOOK));
                    } else {
                        Files.copy(src, dst);
                    }
                }
            }
            revealed = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's merge of a values file over the defaults: maps merge, everything else replaces. */
    static JsonNode merge(JsonNode base, JsonNode over) {
        if (base instanceof ObjectNode b && over != null && over.isObject()) {
            over.properties().forEach(e -> {
                JsonNode existing = b.get(e.getKey());
                if (e.getValue().isNull()) {
                    b.remove(e.getKey());
                } else if (existing != null && existing.isObject() && e.getValue().isObject()) {
                    merge(existing, e.getValue());
                } else {
                    b.set(e.getKey(), e.getValue().deepCopy());
                }
            });
            return b;
        }
        return over;
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static ObjectMapper json() {
        return new ObjectMapper();
    }
}
