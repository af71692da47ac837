package ru.yavka.booking.service;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One slot, as 1C or staff enter it; {@code start} carries its offset. */
public record SlotRequest(
        @NotNull OffsetDateTime start,
        @NotNull @Min(5) @Max(480) Integer durationMinutes,
        @Size(max = 100) String externalId) {
}
