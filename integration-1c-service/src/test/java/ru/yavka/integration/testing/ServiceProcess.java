package ru.yavka.integration.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a child
 * process of the test: on a free port, with exactly the environment given (none of the test
 * JVM's QUARKUS_/MP_/SMALLRYE_ variables leak in), its log in a file, ready once
 * {@code /q/health/ready} answers 200. It can be stopped (SIGTERM), killed (SIGKILL, a crash)
 * and started again with the same settings.
 *
 * <p>Nothing here is specific to a service; it could move to the contracts test-jar.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(String name, Path jar, Map<String, String> env, List<String> jvmArgs, Path log, int port) {
        this.name = name;
        this.jar = jar;
        this.env = env;
        this.jvmArgs = jvmArgs;
        this.log = log;
        this.port = port;
    }

    public static Builder of(String name, Path jar) {
        return new Builder(name, jar);
    }

    public static final class Builder {
        private final String name;
        private final Path jar;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx384m"));
        private Path log;

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> values) {
            env.putAll(values);
            return this;
        }

        /** A JVM option such as {@code -Dquarkus.some.key=value}, for keys environment variables cannot name. */
        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        /** Starts the process on a free port (QUARKUS_HTTP_PORT) and waits until it is ready. */
        public ServiceProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(name + " is not built: " + jar.toAbsolutePath()
                        + " is missing (mvn -pl " + name + " package, or ./clinic test which builds everything)");
            }
            ServiceProcess service = new ServiceProcess(name, jar, Map.copyOf(env), List.copyOf(jvmArgs),
                    log == null ? Path.of("target", name + ".log") : log, freePort());
            service.start();
            return service;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Starts (again) with the same settings and port, and waits until ready. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("MP_")
                || k.startsWith("SMALLRYE_") || k.startsWith("YAVKA_"));
        environment.putAll(env);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "\n=== starting " + name + " on port " + port + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + log.toAbsolutePath());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + "; see "
                        + log.toAbsolutePath());
            }
            sleep(300);
        }
    }

    /** A clean shutdown (SIGTERM), as an orchestrator would do. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A crash (SIGKILL): no shutdown hooks, nothing flushed. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " at " + url() + " (log " + log.toAbsolutePath() + ")";
    }
}
