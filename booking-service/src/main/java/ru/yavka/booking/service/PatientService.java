package ru.yavka.booking.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.Patient;
import ru.yavka.booking.repository.PatientRepository;
import ru.yavka.contracts.events.DataAccessed;

@ApplicationScoped
public class PatientService {

    private static final String RECORD = "patient";

    private final PatientRepository patients;
    private final PiiHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;

    public PatientService(PatientRepository patients, PiiHasher hasher, AuditTrail audit, Clock clock) {
        this.patients = patients;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Patient> register(PatientRegistration registration, Actor actor) {
        String phoneHmac = hasher.phone(registration.phone());
        String chatHmac = hasher.chatId(registration.telegramChatId());
        return patients.count("phoneHmac", phoneHmac)
                .invoke(n -> {
                    if (n > 0) {
                        throw new BookingProblem(409, "Conflict", "a patient with this phone is already registered",
                                "phone");
                    }
                })
                .chain(() -> chatHmac == null ? Uni.createFrom().item(0L) : patients.count("chatIdHmac", chatHmac))
                .invoke(n -> {
                    if (n > 0) {
                        throw new BookingProblem(409, "Conflict",
                                "a patient with this Telegram chat is already registered", "telegramChatId");
                    }
                })
                .chain(() -> patients.insert(newPatient(registration, phoneHmac, chatHmac, actor)))
                .call(patient -> audit.record(actor, patient.id, RECORD, patient.id, DataAccessed.Action.CREATE));
    }

    @WithTransaction
    public Uni<Patient> get(UUID id, Actor actor) {
        return patients.findDecrypted(id)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("patient", id))
                .invoke(patient -> {
                    if (patient.erased()) {
                        throw new BookingProblem(410, "Gone",
                                "the patient withdrew consent; their personal data was erased", null);
                    }
                })
                .call(patient -> audit.record(actor, patient.id, RECORD, patient.id, DataAccessed.Action.READ));
    }

    @WithTransaction
    public Uni<Patient> lookupByPhone(String phone, Actor actor) {
        return patients.findByPhoneHmac(hasher.phone(phone))
                .onItem().ifNull().failWith(() -> new BookingProblem(404, "Not found",
                        "no patient is registered with this phone", "phone"))
                .call(patient -> audit.record(actor, patient.id, RECORD, patient.id, DataAccessed.Action.READ));
    }

    @WithTransaction
    public Uni<Patient> lookupByChatId(String chatId, Actor actor) {
        return patients.findByChatIdHmac(hasher.chatId(chatId))
                .onItem().ifNull().failWith(() -> new BookingProblem(404, "Not found",
                        "no patient is registered with this Telegram chat", "telegramChatId"))
                .call(patient -> audit.record(actor, patient.id, RECORD, patient.id, DataAccessed.Action.READ));
    }

    /** Links the chat and records the consent taken in Telegram; relinking the same chat is a no-op. */
    @WithTransaction
    public Uni<Patient> linkTelegram(UUID id, TelegramLink link, Actor actor) {
        String chatHmac = hasher.chatId(link.telegramChatId());
        return patients.findByChatIdHmac(chatHmac)
                .invoke(owner -> {
                    if (owner != null && !owner.id.equals(id)) {
                        throw new BookingProblem(409, "Conflict",
                                "this Telegram chat is linked to another patient", "telegramChatId");
                    }
                })
                .chain(() -> patients.findDecrypted(id))
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("patient", id))
                .invoke(patient -> {
                    patient.telegramChatId = link.telegramChatId();
                    patient.chatIdHmac = chatHmac;
                    patient.consentGiven = true;
                    patient.consentVersion = link.consent().version();
                    patient.consentChannel = link.consent().channel();
                    patient.consentAt = clock.instant();
                    patient.piiKeyId = patients.currentKeyId();
                    patient.version++;
                })
                .call(patient -> audit.record(actor, patient.id, RECORD, patient.id, DataAccessed.Action.UPDATE));
    }

    private Patient newPatient(PatientRegistration registration, String phoneHmac, String chatHmac, Actor actor) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.fullName = registration.fullName().strip();
        patient.phone = registration.phone();
        patient.birthDate = registration.birthDate().toString();
        patient.telegramChatId = registration.telegramChatId();
        patient.phoneHmac = phoneHmac;
        patient.chatIdHmac = chatHmac;
        patient.consentGiven = true;
        patient.consentVersion = registration.consent().version();
        patient.consentChannel = registration.consent().channel();
        patient.consentAt = clock.instant();
        patient.createdAt = patient.consentAt;
        patient.createdBy = actor.name();
        patient.version = 1;
        return patient;
    }
}
