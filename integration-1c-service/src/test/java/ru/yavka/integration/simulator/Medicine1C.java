package ru.yavka.integration.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP services a clinic's 1C:Медицина publishes for Yavka (the contract in this module's
 * README): schedule, appointments, visits, patient cards. The schedule and the visit facts are
 * kept as raw JSON, so a test can seed anything, including records that break the contract.
 */
final class Medicine1C {

    static final ZoneId CLINIC = ZoneId.of("Europe/Moscow");

    private final ObjectMapper mapper;
    private final String cardBase;
    private ArrayNode doctors;
    private String rawSchedule;
    private final Map<String, ObjectNode> appointments = new LinkedHashMap<>();
    private final Map<String, Integer> appointmentPuts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> cards = new LinkedHashMap<>();
    private final Map<LocalDate, List<JsonNode>> visits = new TreeMap<>();
    private final Map<LocalDate, String> rawVisits = new TreeMap<>();
    private int cardNumbers;

    Medicine1C(ObjectMapper mapper, String cardBase) {
        this.mapper = mapper;
        this.cardBase = cardBase;
        this.doctors = mapper.createArrayNode();
    }

    synchronized void reset() {
        doctors = mapper.createArrayNode();
        rawSchedule = null;
        appointments.clear();
        appointmentPuts.clear();
        cards.clear();
        visits.clear();
        rawVisits.clear();
        cardNumbers = 0;
    }

    // ------------------------------------------------------------------ schedule

    synchronized void setDoctors(ArrayNode replacement) {
        doctors = replacement.deepCopy();
        rawSchedule = null;
    }

    /** Adds the doctor, or replaces the one with the same id. */
    synchronized void putDoctor(ObjectNode doctor) {
        String id = doctor.path("id").asText();
        for (int i = 0; i < doctors.size(); i++) {
            if (id.equals(doctors.get(i).path("id").asText())) {
                doctors.set(i, doctor.deepCopy());
                return;
            }
        }
        doctors.add(doctor.deepCopy());
    }

    /** An answer given as is instead of the schedule (garbage for tests); null goes back to the model. */
    synchronized void setRawSchedule(String raw) {
        rawSchedule = raw;
    }

    synchronized Answer schedule(Map<String, String> query) {
        if (rawSchedule != null) {
            return Answer.ok(rawSchedule);
        }
        LocalDate from = date(query.get("from"));
        LocalDate to = date(query.get("to"));
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode out = answer.putArray("doctors");
        for (JsonNode doctor : doctors) {
            if (!(doctor instanceof ObjectNode d) || !d.path("slots").isArray()) {
                out.add(doctor.deepCopy());
                continue;
            }
            ObjectNode copy = d.deepCopy();
            ArrayNode slots = copy.putArray("slots");
            for (JsonNode slot : d.path("slots")) {
                LocalDate day = slotDay(slot);
                if (day == null || (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
                    slots.add(slot.deepCopy());
                }
            }
            out.add(copy);
        }
        return Answer.ok(answer.toString());
    }

    private static LocalDate slotDay(JsonNode slot) {
        try {
            return OffsetDateTime.parse(slot.path("start").asText()).atZoneSameInstant(CLINIC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // -------------------------------------------------------------- appointments

    /** PUT …/appointments/{id}: idempotent by id; a stale version is acknowledged and ignored. */
    synchronized Answer putAppointment(String id, String body) {
        ObjectNode push;
        try {
            JsonNode parsed = mapper.readTree(body);
            if (!(parsed instanceof ObjectNode object)) {
                return Answer.json(400, "{\"error\":\"a JSON object is expected\"}");
            }
            push = object;
        } catch (Exception e) {
            return Answer.json(400, "{\"error\":\"not JSON\"}");
        }
        if (!id.equals(push.path("id").asText()) || !push.path("patient").isObject()
                || push.path("status").asText("").isBlank() || !push.path("version").isNumber()) {
            return Answer.json(422, "{\"error\":\"id, version, status and patient are required\"}");
        }
        JsonNode patient = push.path("patient");
        String patientId = patient.path("id").asText();
        ObjectNode card = cards.get(patientId);
        if (card == null) {
            if (patient.path("fullName").asText("").isBlank() || patient.path("birthDate").asText("").isBlank()) {
                return Answer.json(422, "{\"error\":\"unknown patient: send fullName and birthDate to open a card\"}");
            }
            String number = String.format("МК-%06d", ++cardNumbers);
            card = mapper.createObjectNode().put("cardId", number).put("cardUrl", cardBase + "/cards/" + number);
            cards.put(patientId, card);
        }
        appointmentPuts.merge(id, 1, Integer::sum);
        ObjectNode known = appointments.get(id);
        if (known == null || known.path("version").asLong() < push.path("version").asLong()) {
            ObjectNode stored = push.deepCopy();
            stored.put("hadPatientDetails", patient.hasNonNull("fullName"));
            // The simulator keeps no personal data beyond what a card needs: it is not logged either.
            ((ObjectNode) stored.path("patient")).remove(List.of("fullName", "birthDate", "phone"));
            appointments.put(id, stored);
        }
        return Answer.ok(card.toString());
    }

    synchronized Answer patientCard(String patientId) {
        ObjectNode card = cards.get(patientId);
        return card == null ? Answer.json(404, "{\"error\":\"no card\"}") : Answer.ok(card.toString());
    }

    // -------------------------------------------------------------------- visits

    synchronized void addVisit(LocalDate day, JsonNode fact) {
        visits.computeIfAbsent(day, d -> new ArrayList<>()).add(fact.deepCopy());
    }

    synchronized void setRawVisits(LocalDate day, String raw) {
        if (raw == null) {
            rawVisits.remove(day);
        } else {
            rawVisits.put(day, raw);
        }
    }

    synchronized Answer visits(Map<String, String> query) {
        LocalDate day = date(query.get("date"));
        if (day == null) {
            return Answer.json(400, "{\"error\":\"date=YYYY-MM-DD is required\"}");
        }
        if (rawVisits.containsKey(day)) {
            return Answer.ok(rawVisits.get(day));
        }
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode out = answer.putArray("visits");
        visits.getOrDefault(day, List.of()).forEach(v -> out.add(v.deepCopy()));
        return Answer.ok(answer.toString());
    }

    synchronized ObjectNode dump() {
        ObjectNode out = mapper.createObjectNode();
        ObjectNode apps = out.putObject("appointments");
        appointments.forEach((id, a) -> {
            ObjectNode copy = a.deepCopy();
            copy.put("puts", appointmentPuts.getOrDefault(id, 0));
            apps.set(id, copy);
        });
        ObjectNode c = out.putObject("cards");
        cards.forEach((patient, card) -> c.put(patient, card.path("cardId").asText()));
        out.put("doctors", doctors.size());
        return out;
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
