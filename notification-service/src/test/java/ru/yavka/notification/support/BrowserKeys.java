package ru.yavka.notification.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * What a browser makes when PushManager.subscribe() is called: a P-256 key pair (its public
 * half is keys.p256dh) and a 16-byte auth secret (keys.auth). The private half never leaves it.
 */
public record BrowserKeys(KeyPair pair, byte[] publicPoint, byte[] auth) {

    public static BrowserKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            byte[] point = Crypto.concat(new byte[] {4}, Crypto.fixed(pub.getW().getAffineX(), 32),
                    Crypto.fixed(pub.getW().getAffineY(), 32));
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new BrowserKeys(pair, point, auth);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String p256dh() {
        return Crypto.b64(publicPoint);
    }

    public String authSecret() {
        return Crypto.b64(auth);
    }
}
