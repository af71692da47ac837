import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a signed RS256 JWT for local development, using only the JDK.
 *
 * <pre>
 * java deploy/local/tools/Token.java &lt;privateKey.pem (PKCS#8)&gt; &lt;issuer&gt; &lt;role&gt; &lt;subject&gt;
 * </pre>
 *
 * Claims follow MicroProfile JWT: {@code upn} and {@code sub} carry the subject and
 * {@code groups} the role, which is what {@code @RolesAllowed} checks. Valid for 12 hours.
 */
public class Token {

    private static final Duration LIFETIME = Duration.ofHours(12);

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Token <privateKeyPem> <issuer> <role> <subject>");
            System.exit(2);
        }
        PrivateKey key = readPkcs8(Path.of(args[0]));
        String issuer = args[1];
        String role = args[2];
        String subject = args[3];
        long now = Instant.now().getEpochSecond();

        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{"
                + "\"iss\":" + json(issuer) + ","
                + "\"sub\":" + json(subject) + ","
                + "\"upn\":" + json(subject) + ","
                + "\"groups\":[" + json(role) + "],"
                + "\"iat\":" + now + ","
                + "\"exp\":" + (now + LIFETIME.getSeconds()) + ","
                + "\"jti\":" + json(UUID.randomUUID().toString())
                + "}";

        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64(signer.sign()));
    }

    static PrivateKey readPkcs8(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(pem + " is not a PKCS#8 PEM private key");
        }
        String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** JSON string literal; the values here are short identifiers, so escaping quotes, backslashes and controls is enough. */
    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
