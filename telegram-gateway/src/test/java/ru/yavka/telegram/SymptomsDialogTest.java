package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;
import ru.yavka.telegram.support.GatewayStandIns;

/** Free text to triage: a specialist with a reason and a booking button; an emergency gets 103/112 only. */
@QuarkusTest
class SymptomsDialogTest {

    @AfterEach
    void triageBack() {
        GatewayStandIns.triage().down(false);
    }

    private ChatUser registered() {
        String phone = Clinic.phone();
        Clinic.patient("Кузнецова Мария Андреевна", phone);
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);
        return user;
    }

    @Test
    void symptomsLeadToASpecialistAndItsBooking() {
        String doctor = Clinic.doctor("neurologist", "Нервова Елена Викторовна");
        Clinic.slot(doctor, 1, 9);
        ChatUser user = registered();
        user.send("Третий день болит голова и кружится");
        ChatMessage answer = user.awaitText("вам подойдёт специалист");
        assertThat(answer.text()).contains("Невролог", "невролог", "не диагноз");
        assertThat(answer.labels()).containsExactly("Записаться к неврологу");
        user.press("Записаться к неврологу");
        ChatMessage days = user.awaitText("Выберите день (Невролог)");
        assertThat(days.labels()).isNotEmpty();
    }

    @Test
    void anEmergencyGetsTheEmergencyNumbersAndNoBooking() {
        ChatUser user = registered();
        user.send("Давит в груди, задыхаюсь");
        ChatMessage answer = user.awaitText("103");
        assertThat(answer.text()).contains("103", "112");
        assertThat(answer.inline()).isEmpty();
        assertThat(answer.text()).doesNotContain("Записаться");
    }

    @Test
    void withTriageDownThePatientGetsAClearFallback() {
        ChatUser user = registered();
        GatewayStandIns.triage().down(true);
        user.send("Чешется кожа на руках");
        ChatMessage answer = user.awaitText("сервис подсказок сейчас недоступен");
        assertThat(answer.text()).contains("терапевт", "103", "112");
        assertThat(answer.labels()).containsExactly("Записаться к терапевту");
    }

    @Test
    void nothingGoesToTriageBeforeConsent() {
        ChatUser user = ChatUser.newcomer();
        int before = GatewayStandIns.triage().calls();
        user.send("болит голова");
        user.awaitText("Сначала нужно ваше согласие");
        assertThat(GatewayStandIns.triage().calls()).isEqualTo(before);
    }
}
