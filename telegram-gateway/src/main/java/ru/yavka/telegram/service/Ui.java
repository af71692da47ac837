package ru.yavka.telegram.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.KeyboardButton;
import com.pengrad.telegrambot.model.request.ReplyKeyboardMarkup;
import com.pengrad.telegrambot.model.request.ReplyKeyboardRemove;

import ru.yavka.telegram.bot.CallbackCodec;
import ru.yavka.telegram.bot.Messenger;

/** Keyboards with signed callback data, and the dialog's ways of answering. */
@ApplicationScoped
public class Ui {

    private final CallbackCodec codec;
    private final Messenger messenger;
    private final Texts texts;

    public Ui(CallbackCodec codec, Messenger messenger, Texts texts) {
        this.codec = codec;
        this.messenger = messenger;
        this.texts = texts;
    }

    /** Rows of inline buttons being put together for one chat. */
    public final class Keys {
        private final long chatId;
        private final List<List<InlineKeyboardButton>> rows = new ArrayList<>();

        private Keys(long chatId) {
            this.chatId = chatId;
        }

        public Keys row(InlineKeyboardButton... buttons) {
            if (buttons.length > 0) {
                rows.add(List.of(buttons));
            }
            return this;
        }

        public InlineKeyboardButton button(String label, String payload) {
            return new InlineKeyboardButton(label).callbackData(codec.encode(chatId, payload));
        }

        public Keys add(String label, String payload) {
            return row(button(label, payload));
        }

        public Keys url(String label, String url) {
            return row(new InlineKeyboardButton(label).url(url));
        }

        /** ◀️ ▶️ for a list shown {@code size} at a time. */
        public Keys pager(String payloadPrefix, int page, int total, int size) {
            List<InlineKeyboardButton> nav = new ArrayList<>();
            if (page > 0) {
                nav.add(button(texts.get("button.prev"), payloadPrefix + (page - 1)));
            }
            if ((page + 1) * size < total) {
                nav.add(button(texts.get("button.next"), payloadPrefix + (page + 1)));
            }
            return row(nav.toArray(InlineKeyboardButton[]::new));
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public InlineKeyboardMarkup markup() {
            InlineKeyboardButton[][] array = rows.stream().map(r -> r.toArray(InlineKeyboardButton[]::new))
                    .toArray(InlineKeyboardButton[][]::new);
            return new InlineKeyboardMarkup(array);
        }
    }

    public Keys keys(Chat chat) {
        return new Keys(chat.id);
    }

    public Keys keys(long chatId) {
        return new Keys(chatId);
    }

    public ReplyKeyboardMarkup menu() {
        return new ReplyKeyboardMarkup(
                new KeyboardButton[] {new KeyboardButton(texts.get("menu.book")),
                    new KeyboardButton(texts.get("menu.mine"))},
                new KeyboardButton[] {new KeyboardButton(texts.get("menu.symptoms"))})
                .resizeKeyboard(true);
    }

    public ReplyKeyboardMarkup contactRequest() {
        return new ReplyKeyboardMarkup(new KeyboardButton(texts.get("button.share-contact")).requestContact(true))
                .resizeKeyboard(true).oneTimeKeyboard(true);
    }

    public ReplyKeyboardRemove noKeyboard() {
        return new ReplyKeyboardRemove();
    }

    public java.util.Optional<Integer> send(Chat chat, String text, com.pengrad.telegrambot.model.request.Keyboard markup) {
        return messenger.send(chat.id, text, markup);
    }

    public java.util.Optional<Integer> send(Chat chat, String text, Keys keys) {
        return messenger.send(chat.id, text, keys == null || keys.isEmpty() ? null : keys.markup());
    }

    /** Shows {@code text} in place of the pressed message when there is one, else as a new message. */
    public void show(Chat chat, String text, Keys keys) {
        InlineKeyboardMarkup markup = keys == null || keys.isEmpty() ? null : keys.markup();
        if (chat.messageId != null && messenger.edit(chat.id, chat.messageId, text, markup)) {
            return;
        }
        messenger.send(chat.id, text, markup);
    }

    public boolean edit(Chat chat, int messageId, String text, Keys keys) {
        return messenger.edit(chat.id, messageId, text, keys == null || keys.isEmpty() ? null : keys.markup());
    }

    public void answer(Chat chat, String text, boolean alert) {
        if (chat.callbackId != null) {
            messenger.answer(chat.callbackId, text, alert);
        }
    }
}
