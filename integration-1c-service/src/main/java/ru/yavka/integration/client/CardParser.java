package ru.yavka.integration.client;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ru.yavka.integration.client.JsonFields.Invalid;

/** The patient card link in 1C's answers (card lookup, appointment push). */
@ApplicationScoped
public class CardParser {

    private final MedicineFields fields;

    public CardParser(MedicineFields fields) {
        this.fields = fields;
    }

    public CardLink parse(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new OneCGarbage(what + ": the answer is not an object");
        }
        try {
            String id = JsonFields.text(node, fields.name("card.id"), 100, true);
            String url = JsonFields.text(node, fields.name("card.url"), 500, false);
            if (url != null && !isHttp(url)) {
                throw new Invalid("'" + fields.name("card.url") + "' is not an http(s) link");
            }
            return new CardLink(id, url);
        } catch (Invalid e) {
            throw new OneCGarbage(what + ": " + e.getMessage());
        }
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
