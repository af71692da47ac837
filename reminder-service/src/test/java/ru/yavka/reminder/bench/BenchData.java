package ru.yavka.reminder.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.yavka.reminder.repository.Touch;
import ru.yavka.reminder.service.ReminderTexts;

/**
 * The benchmark's clinic: {@code appointments} appointments, of which {@code peak} have one
 * touch due exactly at the anchor (a third each T-2h, T-24h and T-48h: slots aligned on the
 * hour make whole cohorts due at the same second); the rest start 50 h to 14 days after the
 * anchor on 15-minute slots and carry their full sequence. {@code warmup} more appointments
 * have a T-2h touch due half an hour after the anchor: a small cohort sent (and not measured)
 * before the peak, so neither system is measured with a cold JIT, pool or producer. Only these
 * two cohorts are ever due during a run. Deterministic for a seed, so both systems get the
 * very same rows and ids.
 */
final class BenchData {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    record Rule(String kind, Duration offset, String template, String buttons, boolean check) {
    }

    /** The standard tier, as configured in application.properties. */
    static final List<Rule> STANDARD = List.of(
            new Rule("T_MINUS_48H", Duration.ofHours(-48), "reminder.t48", "CONFIRM,RESCHEDULE,CANCEL", false),
            new Rule("T_MINUS_24H", Duration.ofHours(-24), "reminder.t24", "CONFIRM,RESCHEDULE,CANCEL", false),
            new Rule("T_MINUS_2H", Duration.ofHours(-2), "reminder.t2", "CANCEL", false),
            new Rule("NO_SHOW_CHECK", Duration.ofMinutes(30), null, "", true));

    static final String[] DOCTORS = {"Иванова Анна Петровна", "Петров Сергей Иванович", "Смирнова Ольга Викторовна",
        "Кузнецов Дмитрий Алексеевич", "Соколова Мария Андреевна", "Попов Андрей Николаевич",
        "Лебедева Елена Сергеевна", "Козлов Игорь Владимирович"};
    static final String[] ADDRESSES = {"Москва, ул. Тверская, 7", "Москва, Ленинский пр-т, 30",
        "Москва, ул. Профсоюзная, 56"};

    record Appointment(UUID id, UUID patientId, UUID slotId, UUID doctorId, String doctorName, String address,
            Instant start) {
    }

    record TouchRow(UUID id, Appointment appointment, Rule rule, int seq, Instant due, boolean peak, boolean warmup,
            String params, String idempotencyKey) {

        String cohort() {
            return peak ? "peak" : warmup ? "warmup" : "reminders";
        }
    }

    static final Duration WARMUP_AFTER_ANCHOR = Duration.ofMinutes(30);

    interface Sink {
        void appointment(Appointment appointment);

        void touch(TouchRow touch);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int appointments;
    private final int peak;
    private final int warmup;
    private final Instant anchor;
    private final long seed;
    private final ReminderTexts texts = new ReminderTexts(MOSCOW);
    private final Map<String, String> paramsCache = new HashMap<>();

    BenchData(int appointments, int peak, int warmup, Instant anchor, long seed) {
        if (peak + warmup > appointments) {
            throw new IllegalArgumentException("the peak and the warm-up need one appointment per touch");
        }
        this.appointments = appointments;
        this.peak = peak;
        this.warmup = warmup;
        this.anchor = anchor;
        this.seed = seed;
    }

    void generate(Sink sink) {
        Random random = new Random(seed);
        long slots = Duration.ofDays(14).minusHours(50).toMinutes() / 15;
        UUID[] doctorIds = new UUID[DOCTORS.length];
        for (int d = 0; d < doctorIds.length; d++) {
            doctorIds[d] = uuid(random);
        }
        for (int i = 0; i < appointments; i++) {
            int doctor = random.nextInt(DOCTORS.length);
            Instant start;
            String peakKind = null;
            String warmupKind = null;
            if (i < peak) {
                // Round-robin over the three messages: this appointment's peakKind touch is due at the anchor.
                Rule rule = STANDARD.get(i % 3);
                peakKind = rule.kind();
                start = anchor.minus(rule.offset());
            } else if (i < peak + warmup) {
                warmupKind = "T_MINUS_2H";
                start = anchor.plus(WARMUP_AFTER_ANCHOR).plus(Duration.ofHours(2));
            } else {
                start = anchor.plus(Duration.ofHours(50)).plus(Duration.ofMinutes(15 * Math.floorMod(random.nextLong(), slots)));
            }
            Appointment appointment = new Appointment(uuid(random), uuid(random), uuid(random), doctorIds[doctor],
                    DOCTORS[doctor], ADDRESSES[doctor % ADDRESSES.length], start);
            sink.appointment(appointment);
            int seq = 0;
            for (Rule rule : STANDARD) {
                Instant due = start.plus(rule.offset());
                if (due.isBefore(anchor)) {
                    continue; // already past when booked, as the planner would leave it out
                }
                UUID id = uuid(random);
                sink.touch(new TouchRow(id, appointment, rule, ++seq, due, rule.kind().equals(peakKind),
                        rule.kind().equals(warmupKind), rule.check() ? "{}" : params(rule, appointment, due),
                        Touch.idempotencyKey(appointment.id(), rule.kind(), due)));
            }
        }
    }

    private String params(Rule rule, Appointment appointment, Instant due) {
        String key = rule.kind() + appointment.start() + appointment.doctorName() + appointment.address();
        return paramsCache.computeIfAbsent(key, k -> {
            try {
                return JSON.writeValueAsString(texts.params(rule.template(),
                        new ReminderTexts.Visit(appointment.doctorName(), "therapist", appointment.address(),
                                appointment.start()), due));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
