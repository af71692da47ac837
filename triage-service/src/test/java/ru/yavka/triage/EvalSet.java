package ru.yavka.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The evaluation set in src/test/resources/eval/, written apart from the knowledge base. */
final class EvalSet {

    static final String RESOURCE = "eval/triage-eval.jsonl";

    record Item(String text, String specialty, boolean emergency) {
    }

    private EvalSet() {
    }

    static List<Item> load() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = EvalSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    JsonNode node = json.readTree(l);
                    return new Item(node.get("text").asText(),
                            node.hasNonNull("specialty") ? node.get("specialty").asText() : null,
                            node.path("emergency").asBoolean(false));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
