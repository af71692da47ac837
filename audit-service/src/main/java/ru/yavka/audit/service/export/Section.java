package ru.yavka.audit.service.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's part of an access-request export: what it holds, or why it is missing.
 * {@code ok}: the content is there; {@code not-found}/{@code erased}: the service answered that
 * it holds no personal data of the patient (erased may still list appointments); {@code unavailable}:
 * the service did not answer or refused, so the export is incomplete.
 */
public record Section(String status, String reason, Map<String, Object> content) {

    public static final String OK = "ok";
    public static final String NOT_FOUND = "not-found";
    public static final String ERASED = "erased";
    public static final String UNAVAILABLE = "unavailable";

    public static Section ok(Map<String, Object> content) {
        return new Section(OK, null, content);
    }

    public static Section unavailable(String reason) {
        return new Section(UNAVAILABLE, reason, Map.of());
    }

    /** Whether the service answered, so that this part of the export is whole. */
    public boolean answered() {
        return !UNAVAILABLE.equals(status);
    }

    /** The JSON object: status first, the reason when there is one, then the content. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        if (reason != null) {
            json.put("reason", reason);
        }
        json.putAll(content);
        return json;
    }
}
