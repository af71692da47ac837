package ru.yavka.telegram.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.telegram.client.TriageClient;

/**
 * Free text about symptoms → triage-service → the suggested specialist with a short reason and
 * a "Записаться к …" button. An emergency gets the advice to call 103 or 112 and no booking.
 */
@ApplicationScoped
public class SymptomsFlow {

    static final String PURPOSE = "telegram-triage";
    private static final int MAX_TEXT = 2000;

    private final TriageService triage;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final Ui ui;
    private final Texts texts;

    public SymptomsFlow(TriageService triage, Catalog catalog, AuditTrail audit, Ui ui, Texts texts) {
        this.triage = triage;
        this.catalog = catalog;
        this.audit = audit;
        this.ui = ui;
        this.texts = texts;
    }

    public void describe(Chat chat, String text) {
        String symptoms = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        if (chat.linked()) {
            // The description is health data handed to triage-service on the patient's behalf.
            audit.byPatient(chat.actor, chat.session.patientId, "symptoms", "triage", DataAccessed.Action.CREATE,
                    PURPOSE);
        }
        Optional<TriageClient.Result> result = triage.assess(symptoms, chat.linked() ? chat.session.patientId : null);
        if (result.isEmpty() || (!result.get().emergency() && result.get().specialty() == null)) {
            ui.send(chat, texts.get("triage.unavailable"),
                    ui.keys(chat).add(texts.get("triage.therapist"), "sp:therapist"));
            return;
        }
        TriageClient.Result r = result.get();
        if (r.emergency()) {
            String advice = r.advice() == null || r.advice().isBlank() ? "" : "\n\n" + r.advice().strip();
            ui.send(chat, texts.get("triage.emergency") + advice, (Ui.Keys) null);
            return;
        }
        String name = catalog.specialtyName(r.specialty());
        String reason = r.explanation() != null && !r.explanation().isBlank() ? r.explanation().strip()
                : r.advice() == null ? "" : r.advice().strip();
        String dative = texts.dative(r.specialty());
        String label = dative == null ? texts.get("triage.book", "specialty", name)
                : texts.get("triage.book-dative", "dative", dative);
        ui.send(chat, texts.get("triage.suggestion", "specialty", name, "explanation", reason),
                ui.keys(chat).add(label, "sp:" + r.specialty()));
    }
}
