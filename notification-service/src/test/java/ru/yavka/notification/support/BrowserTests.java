package ru.yavka.notification.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ru.yavka.contracts.testing.TestTokens;

/**
 * Runs the PWA's browser tests (src/main/webui/e2e, Node's test runner with playwright-core)
 * in Debian's Chromium against the notification-service of this @QuarkusTest. Chromium comes
 * from the OS packages: if it is missing and this runs as root, it is installed with apt-get;
 * otherwise the test fails saying how to install it.
 */
public final class BrowserTests {

    private static final long TIMEOUT_MINUTES = 10;
    private static final Path WEBUI = moduleDir().resolve("src/main/webui");

    private BrowserTests() {
    }

    /** The Chromium binary: YAVKA_CHROMIUM, or Debian's /usr/bin/chromium (installed if need be). */
    public static synchronized String chromium() {
        String configured = System.getenv("YAVKA_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Paths.get(configured))) {
                fail("YAVKA_CHROMIUM=" + configured + " is not an executable file");
            }
            return configured;
        }
        Path debian = Paths.get("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return debian.toString();
        }
        String hint = "Chromium is needed for the PWA's browser tests and is not installed. Install Debian's package: "
                + "'sudo apt-get update && sudo apt-get install -y chromium' (or set YAVKA_CHROMIUM to a Chromium binary).";
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Paths.get("/usr/bin/apt-get"))) {
            fail(hint);
        }
        System.out.println("[browser tests] Chromium is missing: installing Debian's chromium package with apt-get");
        Path log = moduleDir().resolve("target/apt-chromium.log");
        int update = run(List.of("apt-get", "update", "-qq"), log, 10);
        int install = run(List.of("apt-get", "install", "-y", "-qq", "chromium"), log, 20);
        if (install != 0 || !Files.isExecutable(debian)) {
            fail("Installing chromium with apt-get failed (update exit " + update + ", install exit " + install
                    + "; see " + log + "). " + hint);
        }
        return debian.toString();
    }

    /**
     * Runs one e2e file; fails with the runner's output unless every test in it passed.
     * {@code YAVKA_SCREENSHOTS} (env or -Dyavka.screenshots) saves the pages for docs/screenshots.
     */
    public static void run(String file, String pwaUrl, String fixtureJson) {
        Path playwright = WEBUI.resolve("node_modules/playwright-core");
        if (!Files.isDirectory(playwright)) {
            fail("playwright-core is not installed in " + WEBUI + ": the Maven build installs it (Quinoa runs npm ci); "
                    + "or run 'npm ci' there");
        }
        List<String> command = List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
                "e2e/" + file);
        ProcessBuilder builder = new ProcessBuilder(command).directory(WEBUI.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("YAVKA_PWA_URL", pwaUrl.replaceAll("/$", ""));
        env.put("YAVKA_CHROMIUM", chromium());
        env.put("YAVKA_FIXTURE", fixtureJson);
        for (String role : List.of("registrar", "admin", "doctor", "auditor", "service")) {
            env.put("YAVKA_TOKEN_" + role.toUpperCase(), TestTokens.of(role, role + "@clinic.yavka"));
        }
        String screenshots = System.getProperty("yavka.screenshots", System.getenv("YAVKA_SCREENSHOTS"));
        env.put("YAVKA_SCREENSHOTS", screenshots != null && !screenshots.isBlank() ? screenshots
                : moduleDir().resolve("target/screenshots").toString());
        List<String> output = new ArrayList<>();
        int exit;
        try {
            Process process = builder.start();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null;) {
                    System.out.println("[e2e " + file + "] " + line);
                    output.add(line);
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("e2e/" + file + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (Node.js 20+ is needed): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        boolean ranSome = output.stream().anyMatch(l -> l.matches("\\S*\\s*ℹ pass [1-9]\\d*"));
        boolean failedNone = output.stream().anyMatch(l -> l.matches("\\S*\\s*ℹ fail 0"));
        if (exit != 0 || !ranSome || !failedNone) {
            fail("browser tests e2e/" + file + " failed (exit " + exit + "):\n" + String.join("\n", output));
        }
    }

    private static int run(List<String> command, Path log, long minutes) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Path moduleDir() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("src/main/webui"))) {
                return p;
            }
            if (Files.isDirectory(p.resolve("notification-service/src/main/webui"))) {
                return p.resolve("notification-service");
            }
        }
        throw new IllegalStateException("notification-service/src/main/webui not found above " + Paths.get(""));
    }
}
