package ru.yavka.integration.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.yavka.integration.config.OneCConfig;

/**
 * The OData v3 requests Yavka makes of 1C:Бухгалтерия ({@code …/odata/standard.odata}):
 * look an object up by Yavka's marker, create one, read one by its {@code guid'…'} key, and
 * post a document. Each goes through {@link AccountingClient}'s breaker.
 */
@ApplicationScoped
public class Accounting {

    private static final String JSON = "json";

    private final AccountingClient client;
    private final OneCConfig config;
    private final ObjectMapper mapper;

    public Accounting(AccountingClient client, OneCConfig config, ObjectMapper mapper) {
        this.client = client;
        this.config = config;
        this.mapper = mapper;
    }

    /** Keys of the objects whose marker field holds {@code marker} (normally none or one). */
    public List<UUID> findByMarker(String entitySet, String marker) {
        String filter = config.accounting().markerField() + " eq '" + marker.replace("'", "''") + "'";
        Reply reply = client.exchange("search " + entitySet, "GET", "/" + OneCHttp.segment(entitySet),
                OneCHttp.query("$format", JSON, "$filter", filter, "$select", "Ref_Key"), null, false);
        JsonNode value = reply.json(mapper, "search " + entitySet).path("value");
        if (!value.isArray()) {
            throw new OneCGarbage("search " + entitySet + ": the answer has no 'value' array");
        }
        List<UUID> keys = new ArrayList<>();
        for (JsonNode item : value) {
            keys.add(key(item, "search " + entitySet));
        }
        return keys;
    }

    /** Creates the object; 1C answers with it, {@code Ref_Key} (and for a document its {@code Number}) filled in. */
    public Created create(String entitySet, ObjectNode body) {
        Reply reply = client.exchange("create " + entitySet, "POST", "/" + OneCHttp.segment(entitySet),
                OneCHttp.query("$format", JSON), body.toString(), false);
        JsonNode entity = reply.json(mapper, "create " + entitySet);
        return new Created(key(entity, "create " + entitySet), entity.path("Number").asText(null));
    }

    public record Created(UUID key, String number) {
    }

    public Optional<JsonNode> get(String entitySet, UUID key) {
        Reply reply = client.exchange("read " + entitySet, "GET", "/" + OneCHttp.segment(entitySet) + keyLiteral(key),
                OneCHttp.query("$format", JSON), null, true);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(reply.json(mapper, "read " + entitySet));
    }

    /** {@code POST Document_X(guid'…')/Post()}: posting again a posted document changes nothing. */
    public void post(String entitySet, UUID key) {
        client.exchange("post " + entitySet, "POST", "/" + OneCHttp.segment(entitySet) + keyLiteral(key) + "/Post()",
                OneCHttp.query("$format", JSON), null, false);
    }

    private static String keyLiteral(UUID key) {
        return "(guid'" + key + "')";
    }

    private static UUID key(JsonNode item, String what) {
        String text = item.path("Ref_Key").asText(null);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new OneCGarbage(what + ": the answer has no valid 'Ref_Key'");
        }
    }
}
