package ru.yavka.booking.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Links an existing patient (found by phone) to their Telegram chat, with the consent given there. */
public record TelegramLink(
        @NotNull @Pattern(regexp = "-?\\d{1,20}", message = "must be a Telegram chat id (digits)") String telegramChatId,
        @NotNull @Valid PatientRegistration.Consent consent) {
}
