-- Destruction records made from PatientDataErased events carry the event's id, so a
-- redelivered event stores nothing new. Records POSTed by people have none (NULLs never clash).
-- Adding a column rewrites no row, so the update guard of V1 is not involved.
ALTER TABLE destruction_record ADD COLUMN event_id uuid UNIQUE;
