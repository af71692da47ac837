package ru.yavka.integration.client;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.contracts.events.Specialty;
import ru.yavka.integration.config.OneCConfig;

/**
 * 1C's specialty names → booking-service's specialty codes. The codes themselves and their
 * Russian names (as booking-service shows them) are always understood; the clinic's own
 * spellings come from {@code yavka.onec.medicine.specialties}.
 */
@ApplicationScoped
public class Specialties {

    private final Map<String, String> byName = new HashMap<>();

    public Specialties(OneCConfig config) {
        for (Specialty known : Specialty.values()) {
            byName.put(key(known.code()), known.code());
            byName.put(key(known.russianName()), known.code());
        }
        // 1C spells the ENT doctor either way; the shared name carries "(ЛОР)" after it.
        byName.put(key("Оториноларинголог"), "otolaryngologist");
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
