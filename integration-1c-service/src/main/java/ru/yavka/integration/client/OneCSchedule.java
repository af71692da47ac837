package ru.yavka.integration.client;

import java.time.Instant;
import java.util.List;

/** Doctors and their slots as 1C:Медицина publishes them, already checked against the contract. */
public record OneCSchedule(List<Doctor> doctors) {

    public OneCSchedule {
        doctors = List.copyOf(doctors);
    }

    public record Doctor(String externalId, String fullName, String specialty, String branch, String address,
            List<Slot> slots) {

        public Doctor {
            slots = List.copyOf(slots);
        }
    }

    public record Slot(String externalId, Instant start, int durationMinutes) {
    }

    public int slotCount() {
        return doctors.stream().mapToInt(d -> d.slots().size()).sum();
    }
}
