package ru.yavka.booking.service;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new patient, with the consent to personal-data processing that must come first (152-FZ). */
public record PatientRegistration(
        @NotBlank @Size(max = 200) String fullName,
        @NotNull @Pattern(regexp = E164, message = "must be E.164, e.g. +79991234567") String phone,
        @NotNull @Past LocalDate birthDate,
        @Pattern(regexp = "-?\\d{1,20}", message = "must be a Telegram chat id (digits)") String telegramChatId,
        @NotNull @Valid Consent consent) {

    public static final String E164 = "\\+[1-9]\\d{7,14}";

    public record Consent(
            @NotNull @AssertTrue(message = "consent to personal-data processing is required") Boolean given,
            @NotBlank @Size(max = 40) String version,
            @NotBlank @Pattern(regexp = "TELEGRAM|STAFF|PHONE|WEB", message = "must be TELEGRAM, STAFF, PHONE or WEB")
            String channel) {
    }
}
