package ru.yavka.audit.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A destruction to put on record (Roskomnadzor Order 179): whose data (the pseudonymous patient
 * id), which categories, in which system, why, and when; {@code destroyedAt} defaults to now.
 */
public record DestructionRequest(
        @NotNull UUID patientId,
        @NotEmpty @Size(max = 32) List<@NotBlank @Size(max = 100) String> dataCategories,
        @NotBlank @Size(max = 100) String system,
        @NotBlank @Size(max = 1000) String reason,
        OffsetDateTime destroyedAt) {
}
