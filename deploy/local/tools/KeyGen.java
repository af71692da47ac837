import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Writes an RSA 2048 key pair as PEM files for signing local JWTs, for machines without openssl.
 *
 * <pre>
 * java deploy/local/tools/KeyGen.java &lt;dir&gt;   # writes dir/privateKey.pem (PKCS#8) and dir/publicKey.pem
 * </pre>
 */
public class KeyGen {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KeyGen <dir>");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // getEncoded() is PKCS#8 for the private key and X.509 SubjectPublicKeyInfo for the public one.
        Files.writeString(dir.resolve("privateKey.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
