-- telegram-gateway: chat links, the durable outgoing queue, button presses, consent withdrawals,
-- and the outbox of the gateway's own events (DataAccessed).
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Which chat belongs to which patient, made when a patient consents and shares their phone.
-- The chat id itself is encrypted (pgp_sym_encrypt, AES-256); chat_key is its HMAC for lookups.
CREATE TABLE chat_link (
    patient_id       uuid        PRIMARY KEY,
    chat_key         text        NOT NULL UNIQUE,
    chat_id_enc      bytea       NOT NULL,
    consent_version  text        NOT NULL,
    linked_at        timestamptz NOT NULL
);

-- Messages the gateway owes patients (reminders, waitlist offers). A Kafka offset is committed
-- only once its message is a row here; the paced sender drains the rows. The content is
-- encrypted and erased once delivered; the idempotency key keeps a redelivered event from
-- being sent twice.
CREATE TABLE outgoing_message (
    id                   bigserial   PRIMARY KEY,
    idempotency_key      text        NOT NULL UNIQUE,
    kind                 text        NOT NULL,
    patient_id           uuid        NOT NULL,
    payload_enc          bytea,
    status               text        NOT NULL,
    attempts             int         NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz NOT NULL,
    lease_until          timestamptz,
    created_at           timestamptz NOT NULL,
    finished_at          timestamptz,
    telegram_message_id  bigint,
    last_error           text
);
CREATE INDEX outgoing_live_idx ON outgoing_message (patient_id, id) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX outgoing_finished_idx ON outgoing_message (finished_at) WHERE finished_at IS NOT NULL;

-- One row per button that acted, so a double tap acts once.
CREATE TABLE button_press (
    chat_key    text        NOT NULL,
    message_id  bigint      NOT NULL,
    target      text        NOT NULL,
    pressed_at  timestamptz NOT NULL,
    PRIMARY KEY (chat_key, message_id, target)
);

-- /forget: the patient's withdrawal of consent, recorded for the erasure that follows it.
CREATE TABLE consent_withdrawal (
    id            uuid        PRIMARY KEY,
    chat_key      text        NOT NULL,
    patient_id    uuid,
    requested_at  timestamptz NOT NULL,
    status        text        NOT NULL,
    closed_at     timestamptz
);
CREATE INDEX consent_withdrawal_chat_idx ON consent_withdrawal (chat_key) WHERE status = 'REQUESTED';
CREATE INDEX consent_withdrawal_patient_idx ON consent_withdrawal (patient_id) WHERE status = 'REQUESTED';

CREATE TABLE outbox_event (
    seq                bigserial   PRIMARY KEY,
    event_id           uuid        NOT NULL UNIQUE,
    topic              text        NOT NULL,
    aggregate_id       text        NOT NULL,
    payload            text        NOT NULL,
    created_at         timestamptz NOT NULL,
    published_at       timestamptz,
    attempts           int         NOT NULL DEFAULT 0,
    last_error         text
);
CREATE INDEX outbox_pending_idx ON outbox_event (seq) WHERE published_at IS NULL;
