package ru.yavka.integration.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ru.yavka.integration.client.JsonFields.Invalid;
import ru.yavka.integration.config.OneCConfig;

/**
 * The schedule answer, checked record by record. A bad doctor or slot is left out with a
 * reason; an answer with no usable record at all, or not of the contract's shape, is garbage.
 * Limits follow booking-service's own (names ≤ 200, branch ≤ 100, address ≤ 300, ids ≤ 100,
 * 5..480 minutes), so nothing that passes here is refused there for its form.
 */
@ApplicationScoped
public class ScheduleParser {

    private final MedicineFields fields;
    private final Specialties specialties;
    private final OneCConfig config;

    public ScheduleParser(MedicineFields fields, Specialties specialties, OneCConfig config) {
        this.fields = fields;
        this.specialties = specialties;
        this.config = config;
    }

    public Parsed<OneCSchedule> parse(JsonNode root) {
        String doctorsField = fields.name("doctors");
        if (root == null || !root.isObject() || !root.path(doctorsField).isArray()) {
            throw new OneCGarbage("schedule: the answer is not an object with a '" + doctorsField + "' array");
        }
        List<String> rejections = new ArrayList<>();
        List<OneCSchedule.Doctor> doctors = new ArrayList<>();
        Set<String> doctorIds = new HashSet<>();
        Set<String> slotIds = new HashSet<>();
        int records = 0;
        int index = 0;
        for (JsonNode node : root.path(doctorsField)) {
            String where = "doctors[" + index++ + "]";
            records++;
            try {
                if (!node.isObject()) {
                    throw new Invalid("is not an object");
                }
                String id = JsonFields.text(node, fields.name("doctor.id"), 100, true);
                where += " (id " + JsonFields.safeId(id) + ")";
                if (!doctorIds.add(id)) {
                    throw new Invalid("repeats a doctor id given earlier");
                }
                OneCSchedule.Doctor doctor = doctor(node, id, where, slotIds, rejections);
                doctors.add(doctor);
                records += doctor.slots().size();
            } catch (Invalid e) {
                rejections.add(where + ": " + e.getMessage());
            }
        }
        if (records > 0 && doctors.isEmpty()) {
            throw new OneCGarbage("schedule: none of the " + records + " records is usable; first reason: "
                    + rejections.get(0));
        }
        return new Parsed<>(new OneCSchedule(doctors), rejections);
    }

    private OneCSchedule.Doctor doctor(JsonNode node, String id, String where, Set<String> slotIds,
            List<String> rejections) {
        String fullName = JsonFields.text(node, fields.name("doctor.fullName"), 200, true);
        String specialtyName = JsonFields.text(node, fields.name("doctor.specialty"), 100, true);
        String specialty = specialties.code(specialtyName)
                .orElseThrow(() -> new Invalid("'" + fields.name("doctor.specialty")
                        + "' is not a known specialty (see yavka.onec.medicine.specialties)"));
        String branch = orDefault(JsonFields.text(node, fields.name("doctor.branch"), 100, false),
                config.medicine().defaultBranch().orElse(null), fields.name("doctor.branch"));
        String address = orDefault(JsonFields.text(node, fields.name("doctor.address"), 300, false),
                config.medicine().defaultAddress().orElse(null), fields.name("doctor.address"));
        JsonNode slotNodes = JsonFields.array(node, fields.name("doctor.slots"));
        List<OneCSchedule.Slot> slots = new ArrayList<>();
        int index = 0;
        for (JsonNode slotNode : slotNodes) {
            String slotWhere = where + ".slots[" + index++ + "]";
            try {
                if (!slotNode.isObject()) {
                    throw new Invalid("is not an object");
                }
                String slotId = JsonFields.text(slotNode, fields.name("slot.id"), 100, true);
                slotWhere += " (id " + JsonFields.safeId(slotId) + ")";
                if (!slotIds.add(slotId)) {
                    throw new Invalid("repeats a slot id given earlier");
                }
                slots.add(new OneCSchedule.Slot(slotId,
                        JsonFields.instant(slotNode, fields.name("slot.start"), config.clinicZone()),
                        JsonFields.integer(slotNode, fields.name("slot.durationMinutes"), 5, 480)));
            } catch (Invalid e) {
                rejections.add(slotWhere + ": " + e.getMessage());
            }
        }
        return new OneCSchedule.Doctor(id, fullName, specialty, branch, address, slots);
    }

    private static String orDefault(String value, String fallback, String field) {
        if (value != null) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        throw new Invalid("'" + field + "' is missing and no default is configured");
    }
}
