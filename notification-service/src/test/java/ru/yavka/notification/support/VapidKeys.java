package ru.yavka.notification.support;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** A VAPID key pair in the form the service is configured with: raw P-256 values, base64url. */
public record VapidKeys(String publicKey, String privateKey) {

    public static final String SUBJECT = "mailto:push-tests@yavka.local";

    public static VapidKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            byte[] point = Crypto.concat(new byte[] {4}, Crypto.fixed(pub.getW().getAffineX(), 32),
                    Crypto.fixed(pub.getW().getAffineY(), 32));
            BigInteger s = ((ECPrivateKey) pair.getPrivate()).getS();
            return new VapidKeys(Crypto.b64(point), Crypto.b64(Crypto.fixed(s, 32)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] publicKeyBytes() {
        return Base64.getUrlDecoder().decode(publicKey);
    }
}
