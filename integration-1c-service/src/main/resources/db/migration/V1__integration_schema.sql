-- integration-1c-service: links between Yavka and 1C ids, and the durable queues of work for 1C.
-- Times are UTC (timestamptz). Personal data is never stored here: patients are referred to by id.

-- Doctors this service created or matched in booking-service, by 1C's id.
create table doctor_link (
    external_id text primary key,
    doctor_id   uuid        not null unique,
    synced_at   timestamptz not null
);

-- Slots 1C published and this service brought into booking-service. slot_id is null when booking
-- already had a slot at that time (made by staff or the demo seed): it is kept as it is.
create table slot_link (
    external_id        text primary key,
    doctor_external_id text        not null,
    start_at           timestamptz not null,
    duration_minutes   int         not null,
    slot_id            uuid unique,
    origin             text        not null check (origin in ('CREATED', 'EXISTED')),
    synced_at          timestamptz not null,
    -- set when 1C stopped publishing the slot; the booking side is never destroyed by a sync
    withdrawn_at       timestamptz
);
create index slot_link_doctor_start on slot_link (doctor_external_id, start_at);

-- Appointments to tell 1C:Медицина about: the latest known state per appointment (the row is the
-- queue). version is booking's aggregate version; pushed_version what 1C has acknowledged.
create table appointment_push (
    appointment_id   uuid primary key,
    patient_id       uuid        not null,
    doctor_id        uuid,
    slot_id          uuid,
    start_at         timestamptz,
    duration_minutes int,
    specialty        text,
    source           text,
    status           text        not null,
    rescheduled_to   uuid,
    version          bigint      not null,
    pushed_version   bigint      not null default -1,
    outcome          text,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    updated_at       timestamptz not null
);
create index appointment_push_due on appointment_push (next_attempt_at) where pushed_version < version;

-- The patient's card in 1C:Медицина (an id there, and a link staff can open).
create table patient_card (
    patient_id uuid primary key,
    card_id    text        not null,
    card_url   text,
    linked_at  timestamptz not null
);

-- Visit facts from 1C already applied to booking-service (arrive, complete).
create table visit_fact (
    appointment_id uuid primary key,
    status         text        not null check (status in ('ARRIVED', 'COMPLETED', 'REJECTED')),
    occurred_at    timestamptz not null,
    applied_at     timestamptz not null,
    note           text
);

-- One sales document per completed visit; the primary key is what makes a retry harmless.
create table billing_job (
    appointment_id   uuid primary key,
    patient_id       uuid           not null,
    visit_at         timestamptz    not null,
    services         jsonb          not null,
    total            numeric(14, 2) not null,
    state            text           not null check (state in ('PENDING', 'CREATED', 'POSTED', 'SET_ASIDE')),
    counterparty_key uuid,
    document_key     uuid,
    document_number  text,
    attempts         int            not null default 0,
    rejections       int            not null default 0,
    next_attempt_at  timestamptz    not null,
    last_error       text,
    created_at       timestamptz    not null,
    posted_at        timestamptz
);
create index billing_job_due on billing_job (next_attempt_at) where state in ('PENDING', 'CREATED');

-- The patient as counterparty (Catalog_Контрагенты) in 1C:Бухгалтерия.
create table counterparty_link (
    patient_id uuid primary key,
    ref_key    uuid        not null,
    linked_at  timestamptz not null
);

-- Outcome of each kind of sync, for the status API.
create table sync_state (
    kind            text primary key,
    last_attempt_at timestamptz not null,
    last_success_at timestamptz,
    last_outcome    text        not null
);

-- DataAccessed events, written where the access happens and relayed to Kafka.
create table outbox_event (
    seq              bigserial primary key,
    event_id         uuid        not null unique,
    topic            text        not null,
    aggregate_id     text        not null,
    payload          text        not null,
    created_at       timestamptz not null,
    published_at     timestamptz,
    attempts         int         not null default 0
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
