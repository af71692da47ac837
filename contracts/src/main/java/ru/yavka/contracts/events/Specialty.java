package ru.yavka.contracts.events;

import java.util.Arrays;
import java.util.Optional;

/** The clinic's fixed specialty codes, as events and APIs carry them (AppointmentBooked.specialty, triage answers). */
public enum Specialty {
    THERAPIST("therapist", "Терапевт"),
    CARDIOLOGIST("cardiologist", "Кардиолог"),
    NEUROLOGIST("neurologist", "Невролог"),
    GASTROENTEROLOGIST("gastroenterologist", "Гастроэнтеролог"),
    OTOLARYNGOLOGIST("otolaryngologist", "Оториноларинголог (ЛОР)"),
    OPHTHALMOLOGIST("ophthalmologist", "Офтальмолог"),
    DERMATOLOGIST("dermatologist", "Дерматолог"),
    UROLOGIST("urologist", "Уролог"),
    GYNECOLOGIST("gynecologist", "Гинеколог"),
    ENDOCRINOLOGIST("endocrinologist", "Эндокринолог"),
    ORTHOPEDIST("orthopedist", "Ортопед"),
    PULMONOLOGIST("pulmonologist", "Пульмонолог"),
    ALLERGIST("allergist", "Аллерголог"),
    SURGEON("surgeon", "Хирург"),
    RHEUMATOLOGIST("rheumatologist", "Ревматолог"),
    PSYCHOTHERAPIST("psychotherapist", "Психотерапевт");

    private final String code;
    private final String russianName;

    Specialty(String code, String russianName) {
        this.code = code;
        this.russianName = russianName;
    }

    public String code() {
        return code;
    }

    public String russianName() {
        return russianName;
    }

    public static Optional<Specialty> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
