package ru.yavka.notification.service;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import ru.yavka.notification.client.BookingClient;

/**
 * Doctor names and specialty names for alert texts, from booking-service, remembered once
 * seen (they hardly ever change). When booking-service cannot answer in time the alert still
 * goes out, worded with what the event itself carries.
 */
@ApplicationScoped
public class DoctorDirectory {

    private static final Logger LOG = Logger.getLogger(DoctorDirectory.class);

    private final BookingClient booking;
    private final Map<UUID, BookingClient.Doctor> doctors = new ConcurrentHashMap<>();
    private final Map<String, String> specialties = new ConcurrentHashMap<>();

    public DoctorDirectory(@RestClient BookingClient booking) {
        this.booking = booking;
    }

    /** {@code specialtyCode} is what the event says, used when the doctor cannot be looked up. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "fromEventOnly")
    public Uni<DoctorInfo> describe(UUID doctorId, String specialtyCode) {
        return specialtyNames().chain(names -> {
            if (doctorId == null) {
                return Uni.createFrom().item(new DoctorInfo(null, names.getOrDefault(specialtyCode, specialtyCode)));
            }
            BookingClient.Doctor known = doctors.get(doctorId);
            Uni<BookingClient.Doctor> doctor = known != null ? Uni.createFrom().item(known)
                    : booking.doctor(doctorId).invoke(d -> doctors.put(doctorId, d));
            return doctor.map(d -> {
                String code = d.specialty() != null ? d.specialty() : specialtyCode;
                return new DoctorInfo(DoctorInfo.shorten(d.fullName()), names.getOrDefault(code, code));
            });
        });
    }

    Uni<DoctorInfo> fromEventOnly(UUID doctorId, String specialtyCode, Throwable failure) {
        LOG.warnf("booking-service did not describe doctor %s (%s); the alert names the specialty only",
                doctorId, failure.toString());
        return Uni.createFrom().item(new DoctorInfo(null, specialties.getOrDefault(specialtyCode, specialtyCode)));
    }

    private Uni<Map<String, String>> specialtyNames() {
        if (!specialties.isEmpty()) {
            return Uni.createFrom().item(specialties);
        }
        return booking.specialties().map(list -> {
            list.forEach(s -> specialties.put(s.code(), s.name()));
            return specialties;
        });
    }
}
