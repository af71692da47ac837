package ru.yavka.contracts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another Yavka service, run for real from its packaged jar as a child process, so a test can
 * cross a service boundary without a mock. The reactor builds that module before this one.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Several services starting at once on two cores take longer than one alone. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private static final String QUARKUS_READY = "/q/health/ready";

    private final Process process;
    private final int port;
    private final Path log;
    private final String readyPath;

    private ServiceProcess(Process process, int port, Path log, String readyPath) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.readyPath = readyPath;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} with the given environment without
     * waiting for it, so that several services start side by side; its port (and so its URL) is
     * chosen by the caller. Call {@link #awaitReady(String)} before using it.
     */
    public static ServiceProcess launch(String module, Map<String, String> env, String heap, int port) {
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return java(module, List.of("-Xmx" + heap, "-jar", moduleJar(module).toString()), withPort, port,
                QUARKUS_READY);
    }

    /**
     * Starts any Java program (a stand-in for an outside system) listening on {@code port}; it is
     * ready once {@code readyPath} answers 200.
     */
    public static ServiceProcess java(String name, List<String> arguments, Map<String, String> env, int port,
            String readyPath) {
        try {
            Path log = Files.createTempFile("yavka-" + name + "-", ".log");
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new ServiceProcess(builder.start(), port, log, readyPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void awaitReady(String module) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited during start; see " + log);
            }
            if (ready()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(module + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + readyPath).toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static Path moduleJar(String module) {
        Path jar = moduleDir(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(module + " is not packaged; build it first (mvn -pl " + module
                    + " package -DskipTests), or run ./clinic test, which builds the reactor in order");
        }
        return jar;
    }

    /** The module's folder in this checkout, found from wherever the test runs. */
    static Path moduleDir(String module) {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(module).resolve("pom.xml"))) {
                return p.resolve(module);
            }
        }
        throw new IllegalStateException("no module " + module + " above " + Paths.get("").toAbsolutePath());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
