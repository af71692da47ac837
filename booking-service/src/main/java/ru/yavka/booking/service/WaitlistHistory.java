package ru.yavka.booking.service;

import java.util.List;

import ru.yavka.booking.repository.WaitlistEntry;
import ru.yavka.booking.repository.WaitlistOffer;

/** One waitlist entry of a patient with every offer made on it, oldest first. */
public record WaitlistHistory(WaitlistEntry entry, List<WaitlistOffer> offers) {
}
