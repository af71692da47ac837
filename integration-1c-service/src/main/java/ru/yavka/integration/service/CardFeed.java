package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.jboss.logging.Logger;

import ru.yavka.integration.client.CardLink;
import ru.yavka.integration.client.OneCGarbage;
import ru.yavka.integration.client.OneCUnavailable;
import ru.yavka.integration.client.PatientCardsClient;
import ru.yavka.integration.repository.PatientCards;

/**
 * The patient's card link as 1C reports it now (1C may merge or renumber cards), or the last
 * good one with its age. Whatever 1C reports is also kept as the link used for pushes.
 */
@ApplicationScoped
public class CardFeed {

    private static final Logger LOG = Logger.getLogger(CardFeed.class);

    private final PatientCardsClient client;
    private final PatientCards cards;
    private final OneCCache cache;
    private final Rejections rejections;
    private final Clock clock;

    public CardFeed(PatientCardsClient client, PatientCards cards, OneCCache cache, Rejections rejections,
            Clock clock) {
        this.client = client;
        this.cards = cards;
        this.cache = cache;
        this.rejections = rejections;
        this.clock = clock;
    }

    static String cacheName(UUID patientId) {
        return "card:" + patientId;
    }

    @Fallback(fallbackMethod = "cached", skipOn = NoCard.class)
    public Fetched<CardLink> card(UUID patientId) {
        CardLink card = client.card(patientId).orElseThrow(() -> new NoCard(patientId));
        Instant now = clock.instant();
        cards.save(patientId, card, now);
        cache.put(cacheName(patientId), card, now);
        return Fetched.live(card, now);
    }

    Fetched<CardLink> cached(UUID patientId, Throwable failure) {
        String reason = Failures.describe(failure);
        if (failure instanceof OneCGarbage) {
            rejections.answer("patient card", failure.getMessage());
        } else if (!Failures.breakerOpen(failure)) {
            LOG.warnf("1C patient card lookup failed (%s); falling back to the cached link", reason);
        }
        return cache.get(cacheName(patientId), CardLink.class)
                .map(c -> Fetched.cached(c.data(), c.storedAt(), clock.instant(), reason))
                .orElseThrow(() -> new OneCUnavailable("1C patient cards unavailable (" + reason
                        + ") and this card link is not cached"));
    }
}
