package ru.yavka.contracts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft broker of a test's own, run from the same Kafka jars as the local
 * stack, so a test can stop and restart it without disturbing anyone else. Its state lives in
 * a folder, so the test and its Quarkus test resource can both drive the one broker.
 */
public final class KafkaBrokerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;

    public KafkaBrokerProcess(Path dir) {
        this.dir = dir;
    }

    /** Formats a new broker on free ports in a fresh folder and starts it. */
    public static KafkaBrokerProcess create() {
        try {
            Path dir = Files.createTempDirectory("yavka-kafka-");
            int port = freePort();
            int controller = freePort();
            Files.writeString(dir.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controller,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "num.partitions=3",
                    ""));
            Files.writeString(dir.resolve("port"), String.valueOf(port));
            KafkaBrokerProcess broker = new KafkaBrokerProcess(dir);
            broker.run(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                    dir.resolve("server.properties").toString()), true);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port();
    }

    public void start() {
        Process process = run(List.of("kafka.Kafka", dir.resolve("server.properties").toString()), false);
        write("pid", String.valueOf(process.pid()));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("own Kafka broker did not start; see " + dir.resolve("broker.log"));
            }
            sleep(200);
        }
    }

    /** Stops the broker the way an outage would: the process is gone until {@link #start()}. */
    public void stop() {
        pid().flatMap(ProcessHandle::of).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
        while (listening()) {
            sleep(100);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process run(List<String> mainAndArgs, boolean waitFor) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", kafkaLib() + "/*",
                "-Dlog4j2.configurationFile=" + log4jConfig()));
        command.addAll(mainAndArgs);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                    .start();
            if (waitFor && process.waitFor() != 0) {
                throw new IllegalStateException("Kafka " + mainAndArgs.get(0) + " failed; see " + dir.resolve("broker.log"));
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path log4jConfig() {
        Path config = dir.resolve("log4j2.properties");
        if (!Files.exists(config)) {
            write("log4j2.properties", "status=warn\nrootLogger.level=warn\n"
                    + "appender.c.type=Console\nappender.c.name=C\nappender.c.layout.type=PatternLayout\n"
                    + "appender.c.layout.pattern=%d %p %m%n\nrootLogger.appenderRef.c.ref=C\n");
        }
        return config;
    }

    /** The jars the local stack downloaded: YAVKA_KAFKA_LIB, or .yavka/tools/kafka/lib above the working dir. */
    static Path kafkaLib() {
        String configured = System.getenv("YAVKA_KAFKA_LIB");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path lib = p.resolve(".yavka/tools/kafka/lib");
            if (Files.isDirectory(lib)) {
                return lib;
            }
        }
        throw new IllegalStateException("Kafka jars not found; run ./clinic test (it downloads them) or set YAVKA_KAFKA_LIB");
    }

    private int port() {
        return Integer.parseInt(read("port"));
    }

    private Optional<Long> pid() {
        return Files.exists(dir.resolve("pid")) ? Optional.of(Long.parseLong(read("pid"))) : Optional.empty();
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kafka's cluster id form: 16 random bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
