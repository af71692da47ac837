package ru.yavka.integration.service;

import java.util.UUID;

/** 1C:Медицина has no card for the patient yet (it makes one with their first appointment). */
public class NoCard extends RuntimeException {

    public NoCard(UUID patientId) {
        super("1C:Медицина has no card for patient " + patientId + " yet");
    }
}
