package ru.yavka.telegram;

import java.util.List;

import ru.yavka.telegram.standin.BotApiStandIn.Button;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.GatewayStandIns;

/** The reply keyboard a chat shows now. */
final class GatewayKeyboard {

    private GatewayKeyboard() {
    }

    static List<String> labels(ChatUser user) {
        return GatewayStandIns.telegram().replyKeyboard(user.id()).stream().map(Button::text).toList();
    }

    static boolean contactButton(ChatUser user) {
        return GatewayStandIns.telegram().replyKeyboard(user.id()).stream().anyMatch(Button::requestContact);
    }
}
