package ru.yavka.integration.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.integration.config.OneCConfig;

/**
 * The JSON names of the 1C:Медицина contract. Each logical field has the contract's default
 * name; {@code yavka.onec.medicine.fields."<logical>"} renames it to what the clinic's 1C uses.
 */
@ApplicationScoped
public class MedicineFields {

    /** Logical field → the contract's default JSON name (see README). */
    static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> names;

    public MedicineFields(OneCConfig config) {
        Set<String> unknown = new TreeSet<>(config.medicine().fields().keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            // A typo here would silently leave a field unmapped and every record rejected.
            throw new IllegalStateException("yavka.onec.medicine.fields names unknown logical fields " + unknown
                    + "; known: " + new TreeSet<>(DEFAULTS.keySet()));
        }
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(config.medicine().fields());
        this.names = Map.copyOf(merged);
    }

    public String name(String logical) {
        String name = names.get(logical);
        if (name == null) {
            throw new IllegalArgumentException("no such logical field " + logical);
        }
        return name;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("doctors", "doctors");
        d.put("doctor.id", "id");
        d.put("doctor.fullName", "fullName");
        d.put("doctor.specialty", "specialty");
        d.put("doctor.branch", "branch");
        d.put("doctor.address", "address");
        d.put("doctor.slots", "slots");
        d.put("slot.id", "id");
        d.put("slot.start", "start");
        d.put("slot.durationMinutes", "durationMinutes");
        d.put("visits", "visits");
        d.put("visit.appointmentId", "appointmentId");
        d.put("visit.status", "status");
        d.put("visit.at", "at");
        d.put("visit.services", "services");
        d.put("service.code", "code");
        d.put("service.name", "name");
        d.put("service.price", "price");
        d.put("service.quantity", "quantity");
        d.put("appointment.id", "id");
        d.put("appointment.version", "version");
        d.put("appointment.status", "status");
        d.put("appointment.doctorId", "doctorId");
        d.put("appointment.slotId", "slotId");
        d.put("appointment.start", "start");
        d.put("appointment.durationMinutes", "durationMinutes");
        d.put("appointment.specialty", "specialty");
        d.put("appointment.source", "source");
        d.put("appointment.rescheduledTo", "rescheduledTo");
        d.put("appointment.patient", "patient");
        d.put("patient.id", "id");
        d.put("patient.cardId", "cardId");
        d.put("patient.fullName", "fullName");
        d.put("patient.birthDate", "birthDate");
        d.put("patient.phone", "phone");
        d.put("card.id", "cardId");
        d.put("card.url", "cardUrl");
        return d;
    }
}
