package ru.yavka.contracts.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ru.yavka.contracts.events.YavkaEvent;

/**
 * The consumer discipline every service follows, reduced to its core: an event id seen
 * before is a duplicate, and an aggregate version not above the applied one is stale.
 */
final class LatestVersionConsumer {

    private final Set<UUID> seenEventIds = new HashSet<>();
    private final Map<String, Long> appliedVersions = new HashMap<>();
    private final List<YavkaEvent> applied = new ArrayList<>();
    private int duplicates;
    private int stale;

    void accept(YavkaEvent event) {
        if (!seenEventIds.add(event.meta().eventId())) {
            duplicates++;
            return;
        }
        long current = appliedVersions.getOrDefault(event.meta().aggregateId(), -1L);
        if (event.meta().aggregateVersion() <= current) {
            stale++;
            return;
        }
        appliedVersions.put(event.meta().aggregateId(), event.meta().aggregateVersion());
        applied.add(event);
    }

    List<YavkaEvent> applied() {
        return applied;
    }

    int duplicates() {
        return duplicates;
    }

    int stale() {
        return stale;
    }
}
