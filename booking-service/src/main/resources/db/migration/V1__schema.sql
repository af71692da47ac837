-- pgcrypto encrypts personal data at rest; the key never lives in the database.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE doctor (
    id              uuid PRIMARY KEY,
    full_name       text        NOT NULL,
    specialty       text        NOT NULL,
    branch          text        NOT NULL,
    address         text        NOT NULL,
    external_id     text UNIQUE,
    created_at      timestamptz NOT NULL
);
CREATE INDEX doctor_specialty_idx ON doctor (specialty);

CREATE TABLE slot (
    id               uuid PRIMARY KEY,
    doctor_id        uuid        NOT NULL REFERENCES doctor (id),
    start_at         timestamptz NOT NULL,
    duration_minutes int         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    status           text        NOT NULL CHECK (status IN ('FREE', 'BOOKED', 'OFFERED', 'BLOCKED')),
    external_id      text UNIQUE,
    version          bigint      NOT NULL DEFAULT 0,
    UNIQUE (doctor_id, start_at)
);
CREATE INDEX slot_free_idx ON slot (start_at) WHERE status = 'FREE';

-- Name, phone, birth date and chat id are pgp_sym_encrypt'ed (AES-256); lookups go through HMAC columns.
CREATE TABLE patient (
    id                uuid PRIMARY KEY,
    full_name         bytea       NOT NULL,
    phone             bytea       NOT NULL,
    birth_date        bytea       NOT NULL,
    telegram_chat_id  bytea,
    phone_hmac        text        NOT NULL UNIQUE,
    chat_id_hmac      text UNIQUE,
    consent_given     boolean     NOT NULL,
    consent_version   text        NOT NULL,
    consent_channel   text        NOT NULL,
    consent_at        timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);

CREATE TABLE appointment (
    id                 uuid PRIMARY KEY,
    patient_id         uuid        NOT NULL REFERENCES patient (id),
    slot_id            uuid        NOT NULL REFERENCES slot (id),
    doctor_id          uuid        NOT NULL REFERENCES doctor (id),
    specialty          text        NOT NULL,
    start_at           timestamptz NOT NULL,
    end_at             timestamptz NOT NULL,
    status             text        NOT NULL CHECK (status IN
                           ('BOOKED', 'CONFIRMED', 'ARRIVED', 'COMPLETED', 'CANCELLED', 'RESCHEDULED', 'NO_SHOW')),
    source             text        NOT NULL CHECK (source IN ('TELEGRAM', 'STAFF', 'PHONE')),
    rescheduled_to     uuid REFERENCES appointment (id),
    cancel_reason      text,
    version            bigint      NOT NULL,
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    updated_at         timestamptz NOT NULL,
    updated_by         text        NOT NULL
);
-- The database's own guarantee against double booking: one live appointment per slot.
CREATE UNIQUE INDEX appointment_one_live_per_slot
    ON appointment (slot_id) WHERE status IN ('BOOKED', 'CONFIRMED', 'ARRIVED', 'COMPLETED');
CREATE INDEX appointment_patient_idx ON appointment (patient_id, start_at);
CREATE INDEX appointment_day_idx ON appointment (start_at, doctor_id);

-- Who changed what and when, for every appointment.
CREATE TABLE appointment_change (
    id              bigserial PRIMARY KEY,
    appointment_id  uuid        NOT NULL REFERENCES appointment (id),
    from_status     text,
    to_status       text        NOT NULL,
    actor           text        NOT NULL,
    changed_at      timestamptz NOT NULL,
    note            text
);
CREATE INDEX appointment_change_appointment_idx ON appointment_change (appointment_id, id);

CREATE TABLE waitlist_entry (
    id            uuid PRIMARY KEY,
    patient_id    uuid        NOT NULL REFERENCES patient (id),
    specialty     text        NOT NULL,
    doctor_id     uuid REFERENCES doctor (id),
    from_date     date        NOT NULL,
    to_date       date        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('WAITING', 'OFFERED', 'BOOKED', 'CANCELLED')),
    version       bigint      NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    CHECK (from_date <= to_date)
);
CREATE INDEX waitlist_waiting_idx ON waitlist_entry (specialty, created_at) WHERE status = 'WAITING';

CREATE TABLE waitlist_offer (
    id              uuid PRIMARY KEY,
    entry_id        uuid        NOT NULL REFERENCES waitlist_entry (id),
    slot_id         uuid        NOT NULL REFERENCES slot (id),
    patient_id      uuid        NOT NULL REFERENCES patient (id),
    status          text        NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    offered_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    decided_at      timestamptz,
    appointment_id  uuid REFERENCES appointment (id),
    UNIQUE (entry_id, slot_id)
);
CREATE UNIQUE INDEX waitlist_one_live_offer_per_slot ON waitlist_offer (slot_id) WHERE status = 'OFFERED';
CREATE INDEX waitlist_offer_expiry_idx ON waitlist_offer (expires_at) WHERE status = 'OFFERED';

-- Transactional outbox: written with the state change, published to Kafka by the relay.
CREATE TABLE outbox_event (
    seq                bigserial PRIMARY KEY,
    event_id           uuid        NOT NULL UNIQUE,
    topic              text        NOT NULL,
    aggregate_id       text        NOT NULL,
    aggregate_version  bigint      NOT NULL,
    payload            text        NOT NULL,
    created_at         timestamptz NOT NULL,
    published_at       timestamptz,
    attempts           int         NOT NULL DEFAULT 0,
    last_error         text
);
CREATE INDEX outbox_pending_idx ON outbox_event (seq) WHERE published_at IS NULL;
