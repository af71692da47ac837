package ru.yavka.booking.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.DoctorRepository;
import ru.yavka.booking.repository.SlotRepository;
import ru.yavka.booking.repository.SlotStatus;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.SlotReleased;

/** Frees a slot (SlotReleased) and offers it straight to the waitlist, in the caller's transaction. */
@ApplicationScoped
public class SlotReleaser {

    private final SlotRepository slots;
    private final DoctorRepository doctors;
    private final WaitlistService waitlist;
    private final Outbox outbox;
    private final Clock clock;

    public SlotReleaser(SlotRepository slots, DoctorRepository doctors, WaitlistService waitlist, Outbox outbox,
            Clock clock) {
        this.slots = slots;
        this.doctors = doctors;
        this.waitlist = waitlist;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> release(UUID slotId, String reason) {
        return slots.lock(slotId).chain(slot -> {
            slot.status = SlotStatus.FREE;
            slot.version++;
            return doctors.findById(slot.doctorId)
                    .chain(doctor -> outbox.append(new SlotReleased(
                            EventMeta.next(slot.id.toString(), slot.version, clock.instant()),
                            slot.id, slot.doctorId, doctor.specialty, slot.start, slot.durationMinutes, reason)))
                    .chain(() -> waitlist.offer(slot))
                    .replaceWithVoid();
        });
    }
}
