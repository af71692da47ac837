-- The erasure request's reason travels with the confirmation, so the destruction record names it.
ALTER TABLE erasure_confirmation ADD COLUMN reason text;
