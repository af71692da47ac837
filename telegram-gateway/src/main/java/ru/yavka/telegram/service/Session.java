package ru.yavka.telegram.service;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One chat's dialog state, kept in Redis with a TTL. It exists only after the patient agreed
 * to the processing of their data: before that the bot stores nothing about the chat.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Session {

    public enum Step {
        /** Consented; waiting for the phone through the request_contact button. */
        AWAIT_CONTACT,
        /** No record found by the phone: asking the full name, then the birth date. */
        AWAIT_NAME,
        AWAIT_BIRTHDATE,
        /** Linked to a patient. */
        READY
    }

    public Step step;
    public Instant consentAt;
    public String consentVersion;
    public String phone;
    public String fullName;
    public UUID patientId;
    public String patientName;
    public Flow flow;

    public boolean linked() {
        return step == Step.READY && patientId != null;
    }

    /** A booking (or rescheduling) in progress. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Flow {
        public enum Kind {
            BOOK, RESCHEDULE
        }

        public Kind kind;
        public String specialty;
        public UUID doctorId;
        /** The appointment being moved, and the message its button was on (edited at the end). */
        public UUID appointmentId;
        public Integer originMessageId;
        public String originText;
        public String day;
        public UUID heldSlot;

        public static Flow book(String specialty, UUID doctorId) {
            Flow flow = new Flow();
            flow.kind = Kind.BOOK;
            flow.specialty = specialty;
            flow.doctorId = doctorId;
            return flow;
        }
    }
}
