-- PatientDataErased confirmations: written in the transaction that erased the patient's data,
-- published by a relay that marks a row sent only after Kafka acknowledged it (the touch
-- table's pattern). The row also tells a booking that arrives after the erasure to plan nothing.
CREATE TABLE erasure_confirmation (
    event_id    uuid        PRIMARY KEY,
    patient_id  uuid        NOT NULL,
    categories  text        NOT NULL,
    erased_at   timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX erasure_confirmation_patient_idx ON erasure_confirmation (patient_id);
CREATE INDEX erasure_confirmation_unsent_idx ON erasure_confirmation (erased_at) WHERE sent_at IS NULL;
