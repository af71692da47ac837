package ru.yavka.telegram.service;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.telegram.client.BookingViews.Doctor;

/** How a visit reads to the patient: date, time, doctor and address, in clinic time. */
@ApplicationScoped
public class Visits {

    private final Texts texts;
    private final Catalog catalog;

    public Visits(Texts texts, Catalog catalog) {
        this.texts = texts;
        this.catalog = catalog;
    }

    public String lines(OffsetDateTime start, Doctor doctor) {
        ZonedDateTime local = Texts.local(start);
        return texts.get("visit.lines", "date", Texts.date(local), "time", Texts.time(local),
                "doctor", doctor.fullName() + " (" + catalog.specialtyName(doctor.specialty()) + ")",
                "address", doctor.address() == null ? "" : doctor.address());
    }

    public String shortLine(OffsetDateTime start, Doctor doctor) {
        ZonedDateTime local = Texts.local(start);
        return texts.get("visit.short", "date", Texts.date(local), "time", Texts.time(local),
                "doctor", Catalog.shortName(doctor.fullName()));
    }

    /** "5.12 10:30" for button labels. */
    public static String compact(OffsetDateTime start) {
        ZonedDateTime local = Texts.local(start);
        return Texts.shortDate(local) + " " + Texts.time(local);
    }

    /** "Пётр Петрович" from "Петров Пётр Петрович"; the whole name when it has fewer parts. */
    public static String politeName(String fullName) {
        if (fullName == null) {
            return "";
        }
        String[] parts = fullName.trim().split("\\s+");
        if (parts.length >= 3) {
            return parts[1] + " " + parts[2];
        }
        return parts.length == 2 ? parts[1] : fullName.trim();
    }
}
