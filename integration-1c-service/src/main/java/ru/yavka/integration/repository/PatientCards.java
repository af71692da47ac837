package ru.yavka.integration.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.integration.client.CardLink;

/** Yavka patient → card in 1C:Медицина, as 1C last reported it. */
@ApplicationScoped
public class PatientCards {

    private final Db db;

    public PatientCards(Db db) {
        this.db = db;
    }

    public Optional<CardLink> find(UUID patientId) {
        return db.list("select card_id, card_url from patient_card where patient_id = $1", Tuple.of(patientId),
                row -> new CardLink(row.getString(0), row.getString(1))).stream().findFirst();
    }

    public void save(UUID patientId, CardLink card, Instant at) {
        db.run("insert into patient_card (patient_id, card_id, card_url, linked_at) values ($1, $2, $3, $4)"
                        + " on conflict (patient_id) do update set card_id = excluded.card_id,"
                        + " card_url = excluded.card_url, linked_at = excluded.linked_at",
                Tuple.of(patientId, card.cardId(), card.url(), AppointmentPushes.utc(at)));
    }
}
