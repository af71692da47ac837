package ru.yavka.notification.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of Web Push encryption, as a browser does it: RFC 8188 "aes128gcm"
 * framing with the RFC 8291 key derivation (ECDH between the subscription's private key and the
 * sender's ephemeral key from the header, HKDF with the auth secret, AES-128-GCM per record).
 * Written from the RFCs with the JDK only; the library's HttpEce is the sender's side.
 */
public final class Rfc8291 {

    private static final int TAG = 16;
    private static final int HEADER = 16 + 4 + 1;

    private Rfc8291() {
    }

    public static byte[] decrypt(byte[] body, BrowserKeys keys) throws GeneralSecurityException {
        if (body.length < HEADER) {
            throw new GeneralSecurityException("body shorter than the aes128gcm header");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int rs = in.getInt();
        int idLength = in.get() & 0xff;
        if (idLength != 65) {
            throw new GeneralSecurityException("keyid must be the sender's 65-byte P-256 key, is " + idLength);
        }
        if (rs < 18) {
            throw new GeneralSecurityException("record size " + rs + " is too small");
        }
        byte[] senderPublic = new byte[idLength];
        in.get(senderPublic);

        // RFC 8291 section 3.3/3.4: the input keying material.
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.pair().getPrivate());
        agreement.doPhase(Crypto.p256(senderPublic), true);
        byte[] ecdhSecret = agreement.generateSecret();
        byte[] prkKey = Crypto.hmac(keys.auth(), ecdhSecret);
        byte[] keyInfo = Crypto.concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0},
                keys.publicPoint(), senderPublic);
        byte[] ikm = Crypto.hmac(prkKey, Crypto.concat(keyInfo, new byte[] {1}));

        // RFC 8188 section 2.2/2.3: content-encryption key and nonce.
        byte[] prk = Crypto.hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(Crypto.hmac(prk,
                Crypto.concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})), 16);
        byte[] nonce = Arrays.copyOf(Crypto.hmac(prk,
                Crypto.concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})), 12);

        byte[] records = new byte[in.remaining()];
        in.get(records);
        ByteBuffer plaintext = ByteBuffer.allocate(records.length);
        long seq = 0;
        for (int offset = 0; offset < records.length; offset += rs, seq++) {
            int end = Math.min(records.length, offset + rs);
            boolean last = end == records.length;
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG * 8, nonceFor(nonce, seq)));
            byte[] record = aes.doFinal(records, offset, end - offset);
            int delimiter = record.length - 1;
            while (delimiter >= 0 && record[delimiter] == 0) {
                delimiter--;
            }
            if (delimiter < 0 || record[delimiter] != (last ? 2 : 1)) {
                throw new GeneralSecurityException("record " + seq + " lacks its padding delimiter");
            }
            plaintext.put(record, 0, delimiter);
        }
        return Arrays.copyOf(plaintext.array(), plaintext.position());
    }

    private static byte[] nonceFor(byte[] base, long seq) {
        byte[] nonce = base.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        }
        return nonce;
    }
}
