package ru.yavka.triage.kb;

/** A kind of emergency, with what the patient is told to do. */
public record RedFlagCategory(String code, String title, String advice) {
}
