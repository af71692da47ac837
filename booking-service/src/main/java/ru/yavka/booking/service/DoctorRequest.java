package ru.yavka.booking.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DoctorRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank String specialty,
        @NotBlank @Size(max = 100) String branch,
        @NotBlank @Size(max = 300) String address,
        @Size(max = 100) String externalId) {
}
