package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.service.AuditLedger;
import ru.yavka.audit.support.Api;
import ru.yavka.audit.support.Db;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.DataAccessed;

/**
 * Many writers at once, as several replicas each consuming their own partitions would be: every
 * append is its own transaction on its own connection. The chain stays one line (1, 2, 3 ...
 * with each record pointing at the one before), and an event id racing with itself is stored once.
 */
@QuarkusTest
class ConcurrentAppendTest {

    private static final int EVENTS = 200;
    private static final int WRITERS = 16;

    @Inject
    AuditLedger ledger;

    @Test
    void parallelWritersKeepOneLinearChain() throws Exception {
        List<DataAccessed> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(Events.read(UUID.randomUUID(), "writer-" + (i % WRITERS) + "@clinic", Instant.now()));
        }
        Set<UUID> ids = events.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        List<DataAccessed> attempts = new ArrayList<>(events);
        attempts.addAll(events.subList(0, 50)); // the same events again, racing with the first attempts
        Collections.shuffle(attempts);

        List<Uni<Boolean>> appends = attempts.stream().map(e -> Uni.createFrom().deferred(() -> ledger.append(e)))
                .toList();
        List<Boolean> added = Uni.join().all(appends).usingConcurrencyOf(WRITERS).andFailFast()
                .await().atMost(Duration.ofSeconds(120));

        assertThat(added.stream().filter(a -> a).count()).isEqualTo(EVENTS);
        assertThat(added.stream().filter(a -> !a).count()).isEqualTo(50);
        assertThat(Db.stored(ids)).isEqualTo(EVENTS);
        long total = Db.count("select count(*) from audit_record");
        assertThat(Db.longs("select seq from audit_record order by seq"))
                .isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(Db.count("select count(*) from audit_record r join audit_record p on p.seq = r.seq - 1"
                + " where r.prev_hash <> p.hash")).as("links that skip or fork").isZero();
        Api.auditor().get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("checked", equalTo((int) total));
    }
}
