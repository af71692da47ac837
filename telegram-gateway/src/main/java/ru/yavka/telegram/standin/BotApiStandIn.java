package ru.yavka.telegram.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Telegram Bot API, for tests and `./clinic chat`: the bot side speaks
 * the real protocol over HTTP ({@code /bot<token>/<method>}, form-encoded or JSON parameters,
 * {@code {"ok":…}} answers) for getMe, getUpdates (long polling), sendMessage, editMessageText,
 * editMessageReplyMarkup, answerCallbackQuery, setWebhook and deleteWebhook; the user side is a
 * Java API that types messages, shares contacts and presses buttons in private chats (a
 * private chat's id is its user's id, as in Telegram).
 *
 * <p>Like Telegram it refuses callback_data over 64 bytes, a text over 4096 characters and an
 * edit that changes nothing, and it can answer 429 with retry_after: on demand (a "storm"), or
 * whenever the bot exceeds given rate limits.
 */
public final class BotApiStandIn implements AutoCloseable {

    public static final long BOT_ID = 7_000_000_001L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An inline button or a reply-keyboard button. */
    public record Button(String text, String callbackData, String url, boolean requestContact) {
    }

    /** A message in a chat as it stands now. */
    public record ChatMessage(long chatId, int messageId, boolean fromBot, String text, List<List<Button>> inline,
            List<List<Button>> keyboard, int edits) {

        public List<Button> buttons() {
            return inline.stream().flatMap(List::stream).toList();
        }

        public List<String> labels() {
            return buttons().stream().map(Button::text).toList();
        }
    }

    /** One Bot API request as the stand-in saw it. */
    public record Call(String method, Long chatId, Map<String, String> params, long atNanos, int status,
            Integer retryAfter) {
    }

    /** What the terminal chat prints. */
    public interface Listener {
        void botMessage(ChatMessage message);

        void botEdited(ChatMessage message);

        void notice(long chatId, String text, boolean alert);
    }

    private final HttpServer server;
    private final Object lock = new Object();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final Map<Long, List<Msg>> chats = new HashMap<>();
    private final Map<Long, List<List<Button>>> replyKeyboards = new HashMap<>();
    private final Map<String, Long> callbacks = new HashMap<>();
    private final Map<Long, Long> lastActivity = new HashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Integer> storm = new ArrayDeque<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final AtomicInteger nextCallbackId = new AtomicInteger(1);
    private final Deque<Long> recentSends = new ArrayDeque<>();
    private final Map<Long, Long> lastChatSend = new HashMap<>();
    private int nextUpdateId = 1;
    private volatile long lastPollNanos;
    private volatile String webhookUrl;
    private volatile double limitPerSecond;
    private volatile Duration limitPerChat;

    private static final class Msg {
        final long chatId;
        final int messageId;
        final boolean fromBot;
        String text;
        List<List<Button>> inline = List.of();
        List<List<Button>> keyboard = List.of();
        int edits;

        Msg(long chatId, int messageId, boolean fromBot, String text) {
            this.chatId = chatId;
            this.messageId = messageId;
            this.fromBot = fromBot;
            this.text = text;
        }

        ChatMessage snapshot() {
            return new ChatMessage(chatId, messageId, fromBot, text, inline, keyboard, edits);
        }
    }

    private BotApiStandIn(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port). */
    public static BotApiStandIn start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            BotApiStandIn standIn = new BotApiStandIn(server);
            server.createContext("/", standIn::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bot-api-stand-in");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The base for pengrad's {@code apiUrl}: ends in /bot, the token follows. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bot";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        synchronized (lock) {
            lock.notifyAll();
        }
        server.stop(0);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    // ------------------------------------------------------------------ the user's side

    /** The user types {@code text} in their private chat with the bot. */
    public int userSends(long userId, String text) {
        synchronized (lock) {
            Msg message = store(userId, false, text);
            ObjectNode node = messageJson(message, user(userId));
            if (text.startsWith("/")) {
                int end = text.indexOf(' ');
                node.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", end < 0 ? text.length() : end);
            }
            clearOneTimeKeyboard(userId);
            enqueue("message", node);
            return message.messageId;
        }
    }

    /** The user shares a contact: their own ({@code contactUserId == userId}) or someone else's. */
    public int userSharesContact(long userId, String phone, Long contactUserId) {
        synchronized (lock) {
            Msg message = store(userId, false, null);
            ObjectNode node = messageJson(message, user(userId));
            ObjectNode contact = node.putObject("contact").put("phone_number", phone).put("first_name", "Пациент");
            if (contactUserId != null) {
                contact.put("user_id", contactUserId);
            }
            clearOneTimeKeyboard(userId);
            enqueue("message", node);
            return message.messageId;
        }
    }

    /**
     * The user presses the button labelled {@code label}: the newest bot message's inline button
     * with that label (emoji and case aside), else a button of the reply keyboard on screen,
     * which sends its text.
     */
    public Optional<String> userPresses(long userId, String label) {
        synchronized (lock) {
            List<Msg> messages = chats.getOrDefault(userId, List.of());
            for (int i = messages.size() - 1; i >= 0; i--) {
                Msg message = messages.get(i);
                if (!message.fromBot) {
                    continue;
                }
                for (List<Button> row : message.inline) {
                    for (Button button : row) {
                        if (button.callbackData() != null && sameLabel(button.text(), label)) {
                            return Optional.of(press(userId, message, button.callbackData()));
                        }
                    }
                }
            }
            for (List<Button> row : replyKeyboards.getOrDefault(userId, List.of())) {
                for (Button button : row) {
                    if (sameLabel(button.text(), label) && !button.requestContact()) {
                        userSends(userId, button.text());
                        return Optional.of("text");
                    }
                }
            }
            // "> 09:00" for "09:00 · Иванова А. П.": the start of a label will do when only one
            // button on the newest message with buttons begins that way.
            for (int i = messages.size() - 1; i >= 0; i--) {
                Msg message = messages.get(i);
                if (!message.fromBot || message.inline.isEmpty()) {
                    continue;
                }
                List<Button> starting = message.inline.stream().flatMap(List::stream)
                        .filter(b -> b.callbackData() != null && !normalize(label).isEmpty()
                                && normalize(b.text()).startsWith(normalize(label)))
                        .toList();
                return starting.size() == 1 ? Optional.of(press(userId, message, starting.get(0).callbackData()))
                        : Optional.empty();
            }
            return Optional.empty();
        }
    }

    /** A press with whatever callback_data the caller makes up, on a bot message of this chat. */
    public String userPressesData(long userId, int messageId, String data) {
        synchronized (lock) {
            Msg message = find(userId, messageId).orElseThrow(() -> new IllegalArgumentException("no such message"));
            return press(userId, message, data);
        }
    }

    public List<ChatMessage> messages(long chatId) {
        synchronized (lock) {
            return chats.getOrDefault(chatId, List.of()).stream().map(Msg::snapshot).toList();
        }
    }

    public List<ChatMessage> botMessages(long chatId) {
        return messages(chatId).stream().filter(ChatMessage::fromBot).toList();
    }

    /** The buttons of the reply keyboard currently shown in the chat. */
    public List<Button> replyKeyboard(long chatId) {
        synchronized (lock) {
            return replyKeyboards.getOrDefault(chatId, List.of()).stream().flatMap(List::stream).toList();
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The next {@code count} sendMessage calls answer 429 with {@code retryAfterSeconds}. */
    public void storm(int count, int retryAfterSeconds) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                storm.add(retryAfterSeconds);
            }
        }
    }

    /** Answer 429 (retry_after 1) to a bot that sends faster than this, overall or to one chat. */
    public void enforceLimits(double perSecond, Duration perChat) {
        this.limitPerSecond = perSecond;
        this.limitPerChat = perChat;
    }

    /** Updates not yet handed to the bot. */
    public int pendingUpdates() {
        synchronized (lock) {
            return updates.size();
        }
    }

    /** When the bot last did anything in this chat (System.nanoTime), or 0. */
    public long lastActivity(long chatId) {
        synchronized (lock) {
            return lastActivity.getOrDefault(chatId, 0L);
        }
    }

    /** When the bot last asked for updates (System.nanoTime), or 0 if never. */
    public long lastPoll() {
        return lastPollNanos;
    }

    public Optional<String> webhookUrl() {
        return Optional.ofNullable(webhookUrl);
    }

    private String press(long userId, Msg message, String data) {
        String id = "cbq" + nextCallbackId.getAndIncrement();
        callbacks.put(id, userId);
        ObjectNode query = JSON.createObjectNode();
        query.put("id", id);
        query.set("from", user(userId));
        query.set("message", messageJson(message, botUser()));
        query.put("chat_instance", "ci" + userId);
        query.put("data", data);
        enqueue("callback_query", query);
        return id;
    }

    private void enqueue(String kind, ObjectNode payload) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", nextUpdateId++);
        update.set(kind, payload);
        updates.add(update);
        lock.notifyAll();
    }

    private void clearOneTimeKeyboard(long chatId) {
        replyKeyboards.computeIfPresent(chatId, (id, kb) -> oneTime.contains(id) ? null : kb);
        oneTime.remove(chatId);
    }

    private final java.util.Set<Long> oneTime = new java.util.HashSet<>();

    private Msg store(long chatId, boolean fromBot, String text) {
        Msg message = new Msg(chatId, nextMessageId.getAndIncrement(), fromBot, text);
        chats.computeIfAbsent(chatId, id -> new ArrayList<>()).add(message);
        return message;
    }

    private Optional<Msg> find(long chatId, int messageId) {
        return chats.getOrDefault(chatId, List.of()).stream().filter(m -> m.messageId == messageId).findFirst();
    }

    /** The same label, or the same apart from emoji, punctuation and case (a bare "▶️" must match exactly). */
    static boolean sameLabel(String a, String b) {
        if (a.strip().equals(b.strip())) {
            return true;
        }
        String na = normalize(a);
        return !na.isEmpty() && na.equals(normalize(b));
    }

    private static String normalize(String label) {
        return label.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------- the bot's side

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int slash = path.lastIndexOf('/');
            if (!path.startsWith("/bot") || slash <= 4) {
                reply(exchange, 404, error(404, "Not Found"));
                return;
            }
            String method = path.substring(slash + 1);
            Map<String, String> params = params(exchange);
            Reply reply = dispatch(method, params);
            Long chatId = parseLong(params.get("chat_id"));
            if ("answerCallbackQuery".equals(method)) {
                synchronized (lock) {
                    chatId = callbacks.get(params.get("callback_query_id"));
                }
            }
            calls.add(new Call(method, chatId, params, System.nanoTime(), reply.status, reply.retryAfter));
            reply(exchange, reply.status, reply.body);
        }
    }

    private record Reply(int status, JsonNode body, Integer retryAfter) {
        static Reply ok(JsonNode result) {
            ObjectNode body = JSON.createObjectNode().put("ok", true);
            body.set("result", result);
            return new Reply(200, body, null);
        }
    }

    private Reply dispatch(String method, Map<String, String> params) {
        switch (method) {
            case "getMe":
                return Reply.ok(botUser());
            case "deleteWebhook":
                webhookUrl = null;
                return Reply.ok(JSON.getNodeFactory().booleanNode(true));
            case "setWebhook":
                webhookUrl = params.get("url");
                return Reply.ok(JSON.getNodeFactory().booleanNode(true));
            case "getUpdates":
                return getUpdates(params);
            case "sendMessage":
                return limited(method, params).orElseGet(() -> sendMessage(params));
            case "editMessageText":
                return limited(method, params).orElseGet(() -> edit(params, true));
            case "editMessageReplyMarkup":
                return limited(method, params).orElseGet(() -> edit(params, false));
            case "answerCallbackQuery":
                return answer(params);
            default:
                return new Reply(404, error(404, "Not Found: method not found"), null);
        }
    }

    private Reply getUpdates(Map<String, String> params) {
        if (webhookUrl != null) {
            return new Reply(409, error(409, "Conflict: can't use getUpdates method while webhook is active;"
                    + " use deleteWebhook to delete the webhook first"), null);
        }
        lastPollNanos = System.nanoTime();
        long offset = Optional.ofNullable(parseLong(params.get("offset"))).orElse(0L);
        int limit = Optional.ofNullable(parseLong(params.get("limit"))).map(Long::intValue).orElse(100);
        long timeout = Optional.ofNullable(parseLong(params.get("timeout"))).orElse(0L);
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.min(timeout, 50)).toNanos();
        ArrayNode result = JSON.createArrayNode();
        synchronized (lock) {
            // An offset confirms every update before it.
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (updates.isEmpty() && System.nanoTime() < deadline) {
                try {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            Iterator<ObjectNode> it = updates.iterator();
            while (it.hasNext() && result.size() < limit) {
                ObjectNode update = it.next();
                result.add(update);
                touch(chatOfUpdate(update));
            }
        }
        lastPollNanos = System.nanoTime();
        return Reply.ok(result);
    }

    private Optional<Reply> limited(String method, Map<String, String> params) {
        Long chatId = parseLong(params.get("chat_id"));
        synchronized (lock) {
            if ("sendMessage".equals(method) && !storm.isEmpty()) {
                return Optional.of(tooMany(storm.poll()));
            }
            long now = System.nanoTime();
            if (limitPerSecond > 0) {
                while (!recentSends.isEmpty() && now - recentSends.peekFirst() > 1_000_000_000L) {
                    recentSends.pollFirst();
                }
                if (recentSends.size() >= Math.ceil(limitPerSecond * 1.1)) {
                    return Optional.of(tooMany(1));
                }
                if (chatId != null && limitPerChat != null) {
                    Long last = lastChatSend.get(chatId);
                    // Requests arrive with some jitter; Telegram is not exact about it either.
                    if (last != null && now - last < limitPerChat.toNanos() * 7 / 10) {
                        return Optional.of(tooMany(1));
                    }
                }
                recentSends.addLast(now);
                if (chatId != null) {
                    lastChatSend.put(chatId, now);
                }
            }
            return Optional.empty();
        }
    }

    private static Reply tooMany(int retryAfter) {
        ObjectNode body = error(429, "Too Many Requests: retry after " + retryAfter);
        body.putObject("parameters").put("retry_after", retryAfter);
        return new Reply(429, body, retryAfter);
    }

    private Reply sendMessage(Map<String, String> params) {
        Long chatId = parseLong(params.get("chat_id"));
        String text = params.get("text");
        if (chatId == null) {
            return new Reply(400, error(400, "Bad Request: chat_id is empty"), null);
        }
        if (text == null || text.isEmpty()) {
            return new Reply(400, error(400, "Bad Request: message text is empty"), null);
        }
        if (text.length() > 4096) {
            return new Reply(400, error(400, "Bad Request: message is too long"), null);
        }
        Markup markup;
        try {
            markup = markup(params.get("reply_markup"));
        } catch (IllegalArgumentException e) {
            return new Reply(400, error(400, "Bad Request: " + e.getMessage()), null);
        }
        Msg message;
        synchronized (lock) {
            message = store(chatId, true, text);
            message.inline = markup.inline;
            message.keyboard = markup.keyboard;
            if (markup.removeKeyboard) {
                replyKeyboards.remove(chatId);
            } else if (!markup.keyboard.isEmpty()) {
                replyKeyboards.put(chatId, markup.keyboard);
                if (markup.oneTime) {
                    oneTime.add(chatId);
                } else {
                    oneTime.remove(chatId);
                }
            }
            touch(chatId);
        }
        ChatMessage snapshot = message.snapshot();
        listeners.forEach(l -> l.botMessage(snapshot));
        return Reply.ok(messageJson(message, botUser()));
    }

    private Reply edit(Map<String, String> params, boolean withText) {
        Long chatId = parseLong(params.get("chat_id"));
        Long messageId = parseLong(params.get("message_id"));
        if (chatId == null || messageId == null) {
            return new Reply(400, error(400, "Bad Request: message identifier is not specified"), null);
        }
        Markup markup;
        try {
            markup = markup(params.get("reply_markup"));
        } catch (IllegalArgumentException e) {
            return new Reply(400, error(400, "Bad Request: " + e.getMessage()), null);
        }
        Msg message;
        synchronized (lock) {
            Optional<Msg> found = find(chatId, messageId.intValue()).filter(m -> m.fromBot);
            if (found.isEmpty()) {
                return new Reply(400, error(400, "Bad Request: message to edit not found"), null);
            }
            message = found.get();
            String text = withText ? params.get("text") : message.text;
            if (text == null || text.isEmpty()) {
                return new Reply(400, error(400, "Bad Request: message text is empty"), null);
            }
            if (text.equals(message.text) && markup.inline.equals(message.inline)) {
                return new Reply(400, error(400, "Bad Request: message is not modified: specified new message"
                        + " content and reply markup are exactly the same as a current content and reply markup"
                        + " of the message"), null);
            }
            message.text = text;
            message.inline = markup.inline;
            message.edits++;
            touch(chatId);
        }
        ChatMessage snapshot = message.snapshot();
        listeners.forEach(l -> l.botEdited(snapshot));
        return Reply.ok(messageJson(message, botUser()));
    }

    private Reply answer(Map<String, String> params) {
        Long chatId;
        synchronized (lock) {
            chatId = callbacks.get(params.get("callback_query_id"));
            if (chatId == null) {
                return new Reply(400, error(400, "Bad Request: query is too old and response timeout expired or"
                        + " query ID is invalid"), null);
            }
            touch(chatId);
        }
        String text = params.get("text");
        boolean alert = Boolean.parseBoolean(params.getOrDefault("show_alert", "false"));
        if (text != null && !text.isEmpty()) {
            long chat = chatId;
            listeners.forEach(l -> l.notice(chat, text, alert));
        }
        return Reply.ok(JSON.getNodeFactory().booleanNode(true));
    }

    private record Markup(List<List<Button>> inline, List<List<Button>> keyboard, boolean removeKeyboard,
            boolean oneTime) {
    }

    private Markup markup(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Markup(List.of(), List.of(), false, false);
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (IOException e) {
            throw new IllegalArgumentException("can't parse reply keyboard markup JSON object");
        }
        List<List<Button>> inline = new ArrayList<>();
        for (JsonNode row : node.path("inline_keyboard")) {
            List<Button> buttons = new ArrayList<>();
            for (JsonNode b : row) {
                String data = b.hasNonNull("callback_data") ? b.get("callback_data").asText() : null;
                if (data != null && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                    throw new IllegalArgumentException("BUTTON_DATA_INVALID");
                }
                String url = b.hasNonNull("url") ? b.get("url").asText() : null;
                if (data == null && url == null) {
                    throw new IllegalArgumentException("can't parse inline keyboard button: a button must have"
                            + " callback_data or url");
                }
                buttons.add(new Button(b.path("text").asText(), data, url, false));
            }
            if (!buttons.isEmpty()) {
                inline.add(List.copyOf(buttons));
            }
        }
        List<List<Button>> keyboard = new ArrayList<>();
        for (JsonNode row : node.path("keyboard")) {
            List<Button> buttons = new ArrayList<>();
            for (JsonNode b : row) {
                buttons.add(b.isTextual() ? new Button(b.asText(), null, null, false)
                        : new Button(b.path("text").asText(), null, null, b.path("request_contact").asBoolean()));
            }
            keyboard.add(List.copyOf(buttons));
        }
        return new Markup(List.copyOf(inline), List.copyOf(keyboard), node.path("remove_keyboard").asBoolean(),
                node.path("one_time_keyboard").asBoolean());
    }

    private ObjectNode messageJson(Msg message, ObjectNode from) {
        ObjectNode node = JSON.createObjectNode();
        node.put("message_id", message.messageId);
        node.set("from", from);
        node.set("chat", JSON.createObjectNode().put("id", message.chatId).put("type", "private")
                .put("first_name", "Пациент"));
        node.put("date", System.currentTimeMillis() / 1000);
        if (message.text != null) {
            node.put("text", message.text);
        }
        if (!message.inline.isEmpty()) {
            ArrayNode rows = node.putObject("reply_markup").putArray("inline_keyboard");
            for (List<Button> row : message.inline) {
                ArrayNode r = rows.addArray();
                for (Button b : row) {
                    ObjectNode button = r.addObject().put("text", b.text());
                    if (b.callbackData() != null) {
                        button.put("callback_data", b.callbackData());
                    }
                    if (b.url() != null) {
                        button.put("url", b.url());
                    }
                }
            }
        }
        return node;
    }

    private static ObjectNode user(long userId) {
        return JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "Пациент")
                .put("language_code", "ru");
    }

    private static ObjectNode botUser() {
        return JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Yavka")
                .put("username", "yavka_clinic_bot");
    }

    private void touch(Long chatId) {
        if (chatId != null) {
            lastActivity.put(chatId, System.nanoTime());
        }
    }

    private static Long chatOfUpdate(JsonNode update) {
        JsonNode chat = update.has("message") ? update.path("message").path("chat")
                : update.path("callback_query").path("message").path("chat");
        return chat.has("id") ? chat.get("id").asLong() : null;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, params);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            return params;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (type != null && type.startsWith("application/json")) {
            JsonNode node = JSON.readTree(text);
            node.fields().forEachRemaining(e -> params.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        } else {
            form(text, params);
        }
        return params;
    }

    private static void form(String encoded, Map<String, String> params) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
