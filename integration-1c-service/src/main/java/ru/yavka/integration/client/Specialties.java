package ru.yavka.integration.client;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.integration.config.OneCConfig;

/**
 * 1C's specialty names → booking-service's specialty codes. The codes themselves and their
 * Russian names (as booking-service shows them) are always understood; the clinic's own
 * spellings come from {@code yavka.onec.medicine.specialties}.
 */
@ApplicationScoped
public class Specialties {

    /** booking-service's fixed codes and Russian names (its {@code Specialty} enum). */
    private static final String[][] KNOWN = {
        {"therapist", "Терапевт"},
        {"cardiologist", "Кардиолог"},
        {"neurologist", "Невролог"},
        {"gastroenterologist", "Гастроэнтеролог"},
        {"otolaryngologist", "Оториноларинголог"},
        {"ophthalmologist", "Офтальмолог"},
        {"dermatologist", "Дерматолог"},
        {"urologist", "Уролог"},
        {"gynecologist", "Гинеколог"},
        {"endocrinologist", "Эндокринолог"},
        {"orthopedist", "Ортопед"},
        {"pulmonologist", "Пульмонолог"},
        {"allergist", "Аллерголог"},
        {"surgeon", "Хирург"},
        {"rheumatologist", "Ревматолог"},
        {"psychotherapist", "Психотерапевт"},
    };

    private final Map<String, String> byName = new HashMap<>();

    public Specialties(OneCConfig config) {
        for (String[] known : KNOWN) {
            byName.put(key(known[0]), known[0]);
            byName.put(key(known[1]), known[0]);
        }
        byName.put(key("ЛОР"), "otolaryngologist");
        config.medicine().specialties().forEach((name, code) -> {
            if (!byName.containsValue(code)) {
                throw new IllegalStateException("yavka.onec.medicine.specialties maps to unknown code '" + code + "'");
            }
            byName.put(key(name), code);
        });
    }

    public Optional<String> code(String oneCName) {
        return oneCName == null ? Optional.empty() : Optional.ofNullable(byName.get(key(oneCName)));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
