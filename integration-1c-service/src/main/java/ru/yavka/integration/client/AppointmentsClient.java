package ru.yavka.integration.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import ru.yavka.integration.config.OneCConfig;

/**
 * Tells 1C:Медицина about an appointment: {@code PUT …/appointments/{id}}, idempotent by
 * Yavka's id, with a version so 1C can ignore a stale write. 1C answers with the patient's card.
 */
@ApplicationScoped
public class AppointmentsClient {

    private final OneCTransports transports;
    private final MedicineFields fields;
    private final CardParser cards;
    private final OneCConfig config;
    private final ObjectMapper mapper;

    public AppointmentsClient(OneCTransports transports, MedicineFields fields, CardParser cards, OneCConfig config,
            ObjectMapper mapper) {
        this.transports = transports;
        this.fields = fields;
        this.cards = cards;
        this.config = config;
        this.mapper = mapper;
    }

    @CircuitBreakerName(Breakers.APPOINTMENTS)
    @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = OneCRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Optional<CardLink> push(AppointmentPush push) {
        String path = config.medicine().paths().appointment()
                .replace("{id}", OneCHttp.segment(push.appointmentId().toString()));
        Reply reply = transports.medicine().send("PUT", path, null, body(push).toString());
        if (reply.ok()) {
            return reply.hasBody() ? Optional.of(cards.parse(reply.json(mapper, "appointment push"), "appointment push"))
                    : Optional.empty();
        }
        if (reply.status() == 400 || reply.status() == 409 || reply.status() == 422) {
            throw new OneCRejected("appointment " + push.appointmentId(), reply.status(), null, reply.body());
        }
        throw new OneCUnavailable("appointment push: 1C:Медицина answered HTTP " + reply.status());
    }

    private ObjectNode body(AppointmentPush push) {
        ObjectNode body = mapper.createObjectNode();
        body.put(fields.name("appointment.id"), push.appointmentId().toString());
        body.put(fields.name("appointment.version"), push.version());
        body.put(fields.name("appointment.status"), push.status());
        body.put(fields.name("appointment.doctorId"), push.doctorExternalId());
        body.put(fields.name("appointment.slotId"), push.slotExternalId());
        body.put(fields.name("appointment.start"), push.start() == null ? null
                : push.start().atZone(config.clinicZone()).toOffsetDateTime().toString());
        if (push.durationMinutes() == null) {
            body.putNull(fields.name("appointment.durationMinutes"));
        } else {
            body.put(fields.name("appointment.durationMinutes"), push.durationMinutes());
        }
        body.put(fields.name("appointment.specialty"), push.specialty());
        body.put(fields.name("appointment.source"), push.source());
        body.put(fields.name("appointment.rescheduledTo"),
                push.rescheduledTo() == null ? null : push.rescheduledTo().toString());
        ObjectNode patient = body.putObject(fields.name("appointment.patient"));
        patient.put(fields.name("patient.id"), push.patientId().toString());
        patient.put(fields.name("patient.cardId"), push.cardId());
        if (push.patient() != null) {
            patient.put(fields.name("patient.fullName"), push.patient().fullName());
            patient.put(fields.name("patient.birthDate"),
                    push.patient().birthDate() == null ? null : push.patient().birthDate().toString());
            patient.put(fields.name("patient.phone"), push.patient().phone());
        }
        return body;
    }
}
