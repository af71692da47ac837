package ru.yavka.telegram.service;

/**
 * The chat an update came from, as the dialog sees it. {@code key} (an HMAC) stands for the
 * chat everywhere the id itself is not needed. For a button press, {@code messageId} and
 * {@code messageText} are the message the button was on.
 */
public final class Chat {

    final long id;
    final String key;
    final String actor;
    final long fromId;
    Session session;
    final String callbackId;
    final Integer messageId;
    final String messageText;
    final com.pengrad.telegrambot.model.request.InlineKeyboardMarkup markup;

    Chat(long id, String key, String actor, long fromId, Session session, String callbackId, Integer messageId,
            String messageText, com.pengrad.telegrambot.model.request.InlineKeyboardMarkup markup) {
        this.id = id;
        this.key = key;
        this.actor = actor;
        this.fromId = fromId;
        this.session = session;
        this.callbackId = callbackId;
        this.messageId = messageId;
        this.messageText = messageText;
        this.markup = markup;
    }

    boolean consented() {
        return session != null;
    }

    boolean linked() {
        return session != null && session.linked();
    }

    boolean isButton() {
        return callbackId != null;
    }
}
