package ru.yavka.telegram.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import ru.yavka.telegram.standin.BotApiStandIn;
import ru.yavka.telegram.standin.BotApiStandIn.Call;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;

/** A patient in their private chat with the bot, on the Bot API stand-in. */
public final class ChatUser {

    public static final Duration WAIT = Duration.ofSeconds(45);

    private final BotApiStandIn telegram;
    private final long id;

    private ChatUser(BotApiStandIn telegram, long id) {
        this.telegram = telegram;
        this.id = id;
    }

    public static ChatUser newcomer() {
        return new ChatUser(GatewayStandIns.telegram(), 100_000_000L + ThreadLocalRandom.current().nextLong(800_000_000L));
    }

    public long id() {
        return id;
    }

    public void send(String text) {
        telegram.userSends(id, text);
    }

    /** Shares {@code phone} as this user's own contact. */
    public void shareOwnContact(String phone) {
        telegram.userSharesContact(id, phone, id);
    }

    public void shareContactOf(String phone, long otherUserId) {
        telegram.userSharesContact(id, phone, otherUserId);
    }

    /** Presses the newest button with this label; fails when there is none. */
    public String press(String label) {
        Optional<String> pressed = telegram.userPresses(id, label);
        assertThat(pressed).as("a button labelled '%s' in %s", label, botMessages()).isPresent();
        return pressed.get();
    }

    /**
     * Presses {@code label} on the newest message that has buttons, turning its pages (▶️)
     * until the label shows up.
     */
    public void pressPaged(String label) {
        for (int page = 0; page < 10; page++) {
            ChatMessage shown = awaitMessage(m -> !m.inline().isEmpty(), "a message with buttons");
            if (shown.labels().stream().anyMatch(l -> l.contains(label))) {
                press(shown.labels().stream().filter(l -> l.contains(label)).findFirst().get());
                return;
            }
            int edits = shown.edits();
            assertThat(shown.labels()).as("'%s' not found and no next page", label).contains("▶️");
            press("▶️");
            awaitMessage(m -> m.messageId() == shown.messageId() && m.edits() > edits, "the next page");
        }
        throw new AssertionError("'" + label + "' not found in 10 pages");
    }

    /** The labels of the newest bot message that has inline buttons. */
    public List<String> latestButtons() {
        return awaitMessage(m -> !m.inline().isEmpty(), "a message with buttons").labels();
    }

    public String pressData(int messageId, String data) {
        return telegram.userPressesData(id, messageId, data);
    }

    public List<ChatMessage> botMessages() {
        return telegram.botMessages(id);
    }

    /** The newest bot message (as it stands now) whose text contains {@code fragment}, waiting for it. */
    public ChatMessage awaitText(String fragment) {
        return awaitMessage(m -> m.text() != null && m.text().contains(fragment), "text with '" + fragment + "'");
    }

    public ChatMessage awaitMessage(Predicate<ChatMessage> predicate, String what) {
        AtomicReference<ChatMessage> found = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).alias(what).until(() -> {
            List<ChatMessage> messages = botMessages();
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (predicate.test(messages.get(i))) {
                    found.set(messages.get(i));
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** Texts of the notices (answerCallbackQuery) the bot showed in this chat. */
    public List<String> notices() {
        return telegram.calls("answerCallbackQuery").stream()
                .filter(c -> c.chatId() != null && c.chatId() == id && c.params().get("text") != null)
                .map(c -> c.params().get("text")).toList();
    }

    public String awaitNotice(String fragment) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(WAIT).alias("notice with '" + fragment + "'").until(() -> {
            Optional<String> n = notices().stream().filter(t -> t.contains(fragment)).findFirst();
            n.ifPresent(found::set);
            return n.isPresent();
        });
        return found.get();
    }

    public List<Call> calls(String method) {
        return telegram.calls(method).stream().filter(c -> c.chatId() != null && c.chatId() == id).toList();
    }

    /** /start → Согласен → own contact; for a new phone also the name and birth date. */
    public void register(String phone, boolean known) {
        send("/start");
        awaitText("152-ФЗ");
        press("Согласен");
        awaitText("номер телефона кнопкой");
        shareOwnContact(phone);
        if (known) {
            awaitText("Нашли вашу карту");
            return;
        }
        awaitText("фамилию, имя и отчество");
        send("Тестов Тест Тестович");
        awaitText("ДД.ММ.ГГГГ");
        send("14.03.1985");
        awaitText("Карта заведена");
    }
}
