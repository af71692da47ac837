package ru.yavka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.yavka.notification.support.Crypto;

/** `./clinic vapid` (deploy/commands/vapid.sh) makes a matching P-256 pair in the service's form, once, kept private. */
class VapidCommandTest {

    @Test
    void makesAMatchingPairOnceAndKeepsItPrivate(@TempDir Path home) throws Exception {
        Result first = run(home);
        Map<String, String> keys = env(home.resolve("keys/vapid.env"));
        Result second = run(home);
        Map<String, String> kept = env(home.resolve("keys/vapid.env"));

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(kept).isEqualTo(keys);
        assertThat(second.output()).contains("keeping");
        assertThat(first.output()).contains(keys.get("YAVKA_VAPID_PUBLIC_KEY"))
                .doesNotContain(keys.get("YAVKA_VAPID_PRIVATE_KEY"));
        assertThat(Files.getPosixFilePermissions(home.resolve("keys/vapid.env")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        // The form the service and browsers take: a 65-byte uncompressed point and a 32-byte scalar...
        byte[] point = Crypto.unb64(keys.get("YAVKA_VAPID_PUBLIC_KEY"));
        byte[] scalar = Crypto.unb64(keys.get("YAVKA_VAPID_PRIVATE_KEY"));
        assertThat(point).hasSize(65).startsWith((byte) 4);
        assertThat(scalar).hasSize(32);
        assertThat(keys.get("YAVKA_VAPID_SUBJECT")).startsWith("mailto:");
        // ...and one pair: what the private key signs (as it signs the VAPID JWT), the public key verifies.
        ECPublicKey publicKey = Crypto.p256(point);
        ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), publicKey.getParams()));
        byte[] message = "VAPID".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void rotateMakesANewPair(@TempDir Path home) throws Exception {
        run(home);
        String before = env(home.resolve("keys/vapid.env")).get("YAVKA_VAPID_PUBLIC_KEY");
        Result rotated = run(home, "--rotate");
        assertThat(rotated.exit()).as(rotated.output()).isZero();
        assertThat(env(home.resolve("keys/vapid.env")).get("YAVKA_VAPID_PUBLIC_KEY")).isNotEqualTo(before);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path home, String... args) throws IOException, InterruptedException {
        Path script = repoRoot().resolve("deploy/commands/vapid.sh");
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("YAVKA_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Map<String, String> env(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#") && line.contains("=")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    static Path repoRoot() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("deploy/commands/vapid.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("deploy/commands/vapid.sh not found above " + Paths.get("").toAbsolutePath());
    }
}
