package ru.yavka.booking.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.config.BookingConfig;
import ru.yavka.booking.repository.Doctor;
import ru.yavka.booking.repository.DoctorRepository;
import ru.yavka.booking.repository.Slot;
import ru.yavka.booking.repository.SlotRepository;
import ru.yavka.booking.repository.SlotStatus;
import ru.yavka.contracts.events.Specialty;

/** Doctors and their slots. Staff enter schedules today; 1C supplies them later by external id. */
@ApplicationScoped
public class ScheduleService {

    private static final int MAX_SCHEDULE_DAYS = 92;
    private static final int MAX_FREE_SLOTS = 500;
    private static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public record FreeSlot(Slot slot, Doctor doctor) {
    }

    private final DoctorRepository doctors;
    private final SlotRepository slots;
    private final SlotHolds holds;
    private final BookingConfig config;
    private final Clock clock;

    public ScheduleService(DoctorRepository doctors, SlotRepository slots, SlotHolds holds, BookingConfig config,
            Clock clock) {
        this.doctors = doctors;
        this.slots = slots;
        this.holds = holds;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Doctor> addDoctor(DoctorRequest request) {
        requireSpecialty(request.specialty(), "specialty");
        Uni<Long> taken = request.externalId() == null
                ? Uni.createFrom().item(0L)
                : doctors.count("externalId", request.externalId());
        return taken.chain(n -> {
            if (n > 0) {
                throw new BookingProblem(409, "Conflict", "a doctor with this externalId exists", "externalId");
            }
            Doctor doctor = new Doctor();
            doctor.id = UUID.randomUUID();
            doctor.fullName = request.fullName().strip();
            doctor.specialty = request.specialty();
            doctor.branch = request.branch();
            doctor.address = request.address();
            doctor.externalId = request.externalId();
            doctor.createdAt = clock.instant();
            return doctors.persist(doctor);
        });
    }

    public Uni<List<Doctor>> listDoctors(String specialty) {
        if (specialty != null) {
            requireSpecialty(specialty, "specialty");
        }
        return Panache.withSession(() -> doctors.listBySpecialty(specialty));
    }

    public Uni<Doctor> doctor(UUID id) {
        return Panache.withSession(() -> doctors.findById(id))
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("doctor", id));
    }

    /** Cuts working hours into slots; slots that already exist are kept as they are. */
    @WithTransaction
    public Uni<List<Slot>> addSchedule(UUID doctorId, ScheduleRequest request) {
        validate(request);
        Instant now = clock.instant();
        return doctors.findById(doctorId)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("doctor", doctorId))
                .chain(doctor -> existingStarts(doctorId, request))
                .chain(existing -> {
                    List<Slot> created = new ArrayList<>();
                    for (Instant start : plannedStarts(request)) {
                        if (start.isAfter(now) && !existing.contains(start)) {
                            created.add(newSlot(doctorId, start, request.slotMinutes(), null));
                        }
                    }
                    // Hibernate Reactive refuses an empty batch; a repeated schedule is a no-op, not an error.
                    return created.isEmpty() ? Uni.createFrom().item(created)
                            : slots.persist(created).replaceWith(created);
                });
    }

    @WithTransaction
    public Uni<Slot> addSlot(UUID doctorId, SlotRequest request) {
        Instant start = request.start().toInstant();
        if (!start.isAfter(clock.instant())) {
            throw BookingProblem.invalid("start", "a slot cannot start in the past");
        }
        return doctors.findById(doctorId)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("doctor", doctorId))
                .chain(doctor -> slots.findByDoctorAndStart(doctorId, start))
                .chain(existing -> {
                    if (existing != null) {
                        throw new BookingProblem(409, "Conflict", "the doctor already has a slot at this time",
                                "start");
                    }
                    return slots.persist(newSlot(doctorId, start, request.durationMinutes(), request.externalId()));
                });
    }

    /** Free slots ahead, minus those a patient is holding right now. */
    public Uni<List<FreeSlot>> freeSlots(String specialty, UUID doctorId, Instant from, Instant to) {
        if (specialty != null) {
            requireSpecialty(specialty, "specialty");
        }
        Instant now = clock.instant();
        Instant start = from == null || from.isBefore(now) ? now : from;
        Instant end = to == null ? start.plus(Duration.ofDays(14)) : to;
        if (!end.isAfter(start)) {
            throw BookingProblem.badRequest("to", "must be after from");
        }
        return Panache.withSession(() -> slots.listFree(specialty, doctorId, start, end, MAX_FREE_SLOTS)
                        .chain(free -> doctorsOf(free).map(byId -> free.stream()
                                .map(slot -> new FreeSlot(slot, byId.get(slot.doctorId)))
                                .toList())))
                .chain(free -> holds.heldAmong(free.stream().map(f -> f.slot().id).toList())
                        .map(held -> free.stream().filter(f -> !held.contains(f.slot().id)).toList()));
    }

    public Uni<FreeSlot> slot(UUID id) {
        return Panache.withSession(() -> slots.findById(id)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("slot", id))
                .chain(slot -> doctors.findById(slot.doctorId).map(doctor -> new FreeSlot(slot, doctor))));
    }

    private Uni<Map<UUID, Doctor>> doctorsOf(List<Slot> free) {
        Set<UUID> ids = free.stream().map(s -> s.doctorId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return doctors.list("id in ?1", ids)
                .map(list -> list.stream().collect(Collectors.toMap(d -> d.id, Function.identity())));
    }

    private Uni<Set<Instant>> existingStarts(UUID doctorId, ScheduleRequest request) {
        Instant from = request.from().atStartOfDay(config.clinicZone()).toInstant();
        Instant to = request.to().plusDays(1).atStartOfDay(config.clinicZone()).toInstant();
        return slots.list("doctorId = ?1 and start >= ?2 and start < ?3", doctorId, from, to)
                .map(list -> list.stream().map(s -> s.start).collect(Collectors.toCollection(HashSet::new)));
    }

    private List<Instant> plannedStarts(ScheduleRequest request) {
        Set<DayOfWeek> days = request.weekdays() == null || request.weekdays().isEmpty()
                ? WORKDAYS : request.weekdays();
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDateTime start = day.atTime(request.dayStart());
            LocalDateTime dayEnd = day.atTime(request.dayEnd());
            while (!start.plusMinutes(request.slotMinutes()).isAfter(dayEnd)) {
                starts.add(start.atZone(config.clinicZone()).toInstant());
                start = start.plusMinutes(request.slotMinutes());
            }
        }
        return starts;
    }

    private void validate(ScheduleRequest request) {
        if (request.to().isBefore(request.from())) {
            throw BookingProblem.invalid("to", "must be on or after from");
        }
        if (request.from().plusDays(MAX_SCHEDULE_DAYS).isBefore(request.to())) {
            throw BookingProblem.invalid("to", "a schedule covers at most " + MAX_SCHEDULE_DAYS + " days");
        }
        if (!request.dayEnd().isAfter(request.dayStart())) {
            throw BookingProblem.invalid("dayEnd", "must be after dayStart");
        }
    }

    private Slot newSlot(UUID doctorId, Instant start, int minutes, String externalId) {
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.doctorId = doctorId;
        slot.start = start;
        slot.durationMinutes = minutes;
        slot.status = SlotStatus.FREE;
        slot.externalId = externalId;
        slot.version = 0;
        return slot;
    }

    static void requireSpecialty(String code, String field) {
        if (Specialty.byCode(code).isEmpty()) {
            throw BookingProblem.invalid(field, "unknown specialty '" + code + "'; see GET /api/specialties");
        }
    }
}
