package ru.yavka.integration.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo clinic of deploy/local/seed.mjs as its 1C:Медицина would publish it: the same six
 * doctors (by their external ids demo-doctor-1..6) and the same two weeks of 30-minute slots,
 * 09:00–18:00 on weekdays, so the schedule sync and the seed meet in the same booking slots.
 */
final class DemoClinic {

    private static final String[][] DOCTORS = {
        {"Иванова Анна Петровна", "Терапевт"},
        {"Смирнов Игорь Олегович", "Кардиолог"},
        {"Кузнецова Мария Андреевна", "Невролог"},
        {"Попов Дмитрий Сергеевич", "Оториноларинголог"},
        {"Васильева Елена Викторовна", "Дерматолог"},
        {"Соколов Артём Павлович", "Гастроэнтеролог"},
    };

    private DemoClinic() {
    }

    static ArrayNode doctors(ObjectMapper mapper, LocalDate today, int days) {
        ArrayNode doctors = mapper.createArrayNode();
        for (int i = 0; i < DOCTORS.length; i++) {
            String id = "demo-doctor-" + (i + 1);
            ObjectNode doctor = doctors.addObject()
                    .put("id", id)
                    .put("fullName", DOCTORS[i][0])
                    .put("specialty", DOCTORS[i][1])
                    .put("branch", "Центр")
                    .put("address", "Москва, ул. Тверская, 7");
            ArrayNode slots = doctor.putArray("slots");
            for (LocalDate day = today; !day.isAfter(today.plusDays(days)); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (LocalTime t = LocalTime.of(9, 0); t.isBefore(LocalTime.of(18, 0)); t = t.plusMinutes(30)) {
                    slots.addObject()
                            .put("id", id + "/" + day + "T" + t)
                            .put("start", day.atTime(t).atZone(Medicine1C.CLINIC).toOffsetDateTime().toString())
                            .put("durationMinutes", 30);
                }
            }
        }
        return doctors;
    }
}
