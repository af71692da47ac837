package ru.yavka.telegram.standin;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import ru.yavka.telegram.standin.BotApiStandIn.Button;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;

/**
 * `./clinic chat`: a terminal chat with the Yavka bot through the local Bot API stand-in. The
 * gateway polls the stand-in as it would poll Telegram; this side plays the patient.
 *
 * <p>Input, one line at a time: a plain line is a text message; {@code > Label} presses the button
 * with that label; {@code > contact +7XXXXXXXXXX} shares that phone as the sender's own contact.
 * Every bot message is printed, followed by its buttons as {@code [Label]}. When standard input
 * is not a terminal the lines are a script: each waits until the bot has gone quiet, and the
 * chat ends at the end of input once the bot is quiet.
 */
public final class ChatTerminal {

    private static final Duration QUIET = Duration.ofMillis(2500);
    private static final Duration FIRST_ANSWER = Duration.ofSeconds(20);

    private final BotApiStandIn standIn;
    private final long chatId;
    private final PrintStream out;

    private ChatTerminal(BotApiStandIn standIn, long chatId, PrintStream out) {
        this.standIn = standIn;
        this.chatId = chatId;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int port = 8089;
        Long chatId = null;
        int connectSeconds = 180;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--chat-id" -> chatId = Long.parseLong(args[i + 1]);
                case "--connect-timeout" -> connectSeconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean scripted = System.console() == null;
        if (chatId == null) {
            // A script plays a new patient each time; a person keeps theirs (chat.sh passes it).
            chatId = 900_000_000L + ThreadLocalRandom.current().nextLong(99_999_999L);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BotApiStandIn standIn = BotApiStandIn.start(port);
        ChatTerminal terminal = new ChatTerminal(standIn, chatId, out);
        int status;
        try {
            status = terminal.run(scripted, Duration.ofSeconds(connectSeconds));
        } finally {
            standIn.close();
        }
        System.exit(status);
    }

    private int run(boolean scripted, Duration connectTimeout) throws Exception {
        System.err.println("Bot API stand-in: " + standIn.apiUrl() + "<token>  (chat " + chatId + ")");
        System.err.println("Waiting for telegram-gateway to poll it…");
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        while (standIn.lastPoll() == 0) {
            if (System.nanoTime() > deadline) {
                System.err.println("telegram-gateway did not connect within " + connectTimeout.toSeconds()
                        + " s: is it running with YAVKA_TELEGRAM_API_URL=" + standIn.apiUrl() + " ?");
                return 1;
            }
            Thread.sleep(200);
        }
        standIn.addListener(new Printer());
        if (!scripted) {
            out.println("Чат с ботом клиники. Текст — сообщение; «> Надпись» — нажать кнопку;"
                    + " «> contact +79991234567» — поделиться своим номером. Начните с /start. Выход: Ctrl-D.");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String input = line.strip();
            if (input.isEmpty() || input.startsWith("#")) {
                continue;
            }
            if (scripted) {
                out.println("вы › " + input);
            }
            long before = System.nanoTime();
            if (!send(input)) {
                continue;
            }
            if (scripted) {
                awaitQuiet(before);
            }
        }
        awaitQuiet(System.nanoTime());
        return 0;
    }

    /** False when the line did nothing (a button that is not there). */
    private boolean send(String input) {
        if (!input.startsWith(">")) {
            standIn.userSends(chatId, input);
            return true;
        }
        String command = input.substring(1).strip();
        if (command.toLowerCase().startsWith("contact ")) {
            standIn.userSharesContact(chatId, command.substring("contact ".length()).strip(), chatId);
            return true;
        }
        if (standIn.userPresses(chatId, command).isEmpty()) {
            out.println("(нет кнопки «" + command + "»)");
            return false;
        }
        return true;
    }

    /** Until the update was taken and the bot has done nothing in this chat for a while. */
    private void awaitQuiet(long since) throws InterruptedException {
        long start = System.nanoTime();
        while (standIn.pendingUpdates() > 0 && System.nanoTime() - start < FIRST_ANSWER.toNanos()) {
            Thread.sleep(50);
        }
        while (true) {
            long now = System.nanoTime();
            long last = standIn.lastActivity(chatId);
            boolean answered = last > since;
            if (!answered && now - start > FIRST_ANSWER.toNanos()) {
                return;
            }
            if (answered && now - last >= QUIET.toNanos()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private final class Printer implements BotApiStandIn.Listener {
        @Override
        public void botMessage(ChatMessage message) {
            if (message.chatId() == chatId) {
                print("бот › ", message.text(), message.inline().isEmpty() ? message.keyboard() : message.inline());
            }
        }

        @Override
        public void botEdited(ChatMessage message) {
            if (message.chatId() == chatId) {
                print("бот (изменено) › ", message.text(), message.inline());
            }
        }

        @Override
        public void notice(long chat, String text, boolean alert) {
            if (chat == chatId) {
                synchronized (out) {
                    out.println((alert ? "бот (предупреждение) › " : "бот (уведомление) › ") + text);
                }
            }
        }

        private void print(String prefix, String text, List<List<Button>> rows) {
            synchronized (out) {
                out.println(prefix + text);
                for (List<Button> row : rows) {
                    StringBuilder line = new StringBuilder("      ");
                    for (Button button : row) {
                        line.append('[').append(button.text()).append("] ");
                    }
                    out.println(line.toString().stripTrailing());
                }
            }
        }
    }
}
