package ru.yavka.telegram.service;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ru.yavka.telegram.client.BookingClient;
import ru.yavka.telegram.client.BookingViews.Doctor;
import ru.yavka.telegram.client.BookingViews.Specialty;

/**
 * The clinic's specialties and doctors (no patient data). The lists behind the booking screens
 * are read fresh (a doctor added a minute ago is offered); names looked up by id for messages
 * are cached briefly, since every reminder and waitlist offer needs one.
 */
@ApplicationScoped
public class Catalog {

    private static final Duration TTL = Duration.ofMinutes(2);

    private record Cached<T>(T value, long loadedAt) {
    }

    private final BookingClient booking;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    public Catalog(@RestClient BookingClient booking) {
        this.booking = booking;
    }

    public List<Specialty> specialties() {
        return cached("specialties", booking::specialties);
    }

    public String specialtyName(String code) {
        return specialties().stream().filter(s -> s.code().equals(code)).map(Specialty::name).findFirst()
                .orElse(code);
    }

    /** Every doctor, sorted by name. */
    public List<Doctor> doctors() {
        return booking.doctors(null).stream().sorted(Comparator.comparing(Doctor::fullName)).toList();
    }

    /** Specialties that have at least one doctor, sorted by their Russian name. */
    public List<Specialty> staffedSpecialties() {
        List<String> staffed = doctors().stream().map(Doctor::specialty).distinct().toList();
        return specialties().stream().filter(s -> staffed.contains(s.code()))
                .sorted(Comparator.comparing(Specialty::name)).toList();
    }

    public Doctor doctor(UUID id) {
        return cached("doctor:" + id, () -> booking.doctor(id));
    }

    /** "Иванова А. П." */
    public static String shortName(String fullName) {
        String[] parts = fullName.trim().split("\\s+");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length && i < 3; i++) {
            out.append(i == 1 ? " " : "").append(parts[i].charAt(0)).append(". ");
        }
        return out.toString().trim();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> loader) {
        long now = System.nanoTime();
        Cached<?> hit = cache.get(key);
        if (hit != null && now - hit.loadedAt() < TTL.toNanos()) {
            return (T) hit.value();
        }
        T value = loader.get();
        cache.put(key, new Cached<>(value, now));
        return value;
    }
}
