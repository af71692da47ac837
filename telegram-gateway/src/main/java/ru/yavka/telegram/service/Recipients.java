package ru.yavka.telegram.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ru.yavka.telegram.bot.ChatKeys;
import ru.yavka.telegram.client.BookingClient;
import ru.yavka.telegram.client.BookingViews.Patient;
import ru.yavka.telegram.client.ServiceRejection;
import ru.yavka.telegram.repository.ChatLinks;

/**
 * The chat a patient's messages go to: the gateway's own link first (made when the patient
 * consented here), else the chat booking-service has on the patient's record.
 */
@ApplicationScoped
public class Recipients {

    private final ChatLinks links;
    private final BookingClient booking;
    private final ChatKeys keys;
    private final Clock clock;

    public Recipients(ChatLinks links, @RestClient BookingClient booking, ChatKeys keys, Clock clock) {
        this.links = links;
        this.booking = booking;
        this.keys = keys;
        this.clock = clock;
    }

    /** Empty when the patient has no Telegram chat; throws when booking-service cannot be asked. */
    public Optional<Long> chatOf(UUID patientId) {
        Optional<Long> linked = links.chatOf(patientId);
        if (linked.isPresent()) {
            return linked;
        }
        Patient patient;
        try {
            patient = booking.patient(patientId);
        } catch (ServiceRejection e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
        if (patient.telegramChatId() == null || patient.telegramChatId().isBlank()) {
            return Optional.empty();
        }
        long chatId = Long.parseLong(patient.telegramChatId());
        links.link(patientId, keys.of(chatId), chatId, "recorded-by-booking-service", clock.instant());
        return Optional.of(chatId);
    }
}
