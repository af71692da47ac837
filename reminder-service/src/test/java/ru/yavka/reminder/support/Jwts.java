package ru.yavka.reminder.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks a bearer token the way booking-service will: RS256 signature with the run's public key, then claims. */
public final class Jwts {

    private Jwts() {
    }

    /** The verified claims of {@code "Bearer <jwt>"}; fails if the signature does not verify. */
    public static JsonNode verifiedClaims(String authorizationHeader) throws Exception {
        if (!authorizationHeader.startsWith("Bearer ")) {
            throw new AssertionError("not a bearer token: " + authorizationHeader);
        }
        String[] parts = authorizationHeader.substring("Bearer ".length()).split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new AssertionError("signature does not verify with the run's public key");
        }
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static PublicKey publicKey() throws Exception {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        String pem = Files.readString(Path.of(URI.create(location)));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
