package ru.yavka.integration.client;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One HTTP answer from 1C. */
public record Reply(int status, String contentType, String body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean hasBody() {
        return body != null && !body.isBlank();
    }

    /** The body as JSON, or {@link OneCGarbage} naming only its type and size (never its content). */
    public JsonNode json(ObjectMapper mapper, String what) {
        if (!hasBody()) {
            throw new OneCGarbage(what + ": empty response body");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OneCGarbage(what + ": response is not JSON (" + (contentType == null ? "no content type"
                    : contentType) + ", " + body.length() + " characters)");
        }
    }

    /** {@code {"odata.error":{"code":…,"message":{"value":…}}}}, if the body is one. */
    public Optional<ODataError> odataError(ObjectMapper mapper) {
        if (!hasBody()) {
            return Optional.empty();
        }
        try {
            JsonNode error = mapper.readTree(body).path("odata.error");
            if (error.isMissingNode() || !error.isObject()) {
                return Optional.empty();
            }
            JsonNode message = error.path("message");
            String text = message.isObject() ? message.path("value").asText(null) : message.asText(null);
            return Optional.of(new ODataError(error.path("code").asText(null), text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public record ODataError(String code, String message) {
    }
}
