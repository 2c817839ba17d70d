package io.okpay.shared.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The installation's master key (okpay.master-key, base64 of 32 random bytes, from configuration only). Each use gets
 * its own key derived from it by HMAC over a label, so one key never serves two purposes. {@link #seal} encrypts with
 * AES-256-GCM; the sealed text starts with the key version ("v1.") so that a later master key can come with a new
 * version while old data still opens.
 */
@ApplicationScoped
public class MasterKey {

    private static final String SEAL_VERSION = "v1";
    private static final String SEAL_LABEL = "aes-gcm:v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    @Inject
    public MasterKey(@ConfigProperty(name = "okpay.master-key") String base64) {
        this.key = decode(base64);
    }

    /** For CDI's proxy only. */
    protected MasterKey() {
        this.key = null;
    }

    static byte[] decode(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("okpay.master-key is not base64");
        }
        if (decoded.length != 32) {
            throw new IllegalStateException("okpay.master-key must be 32 bytes, base64-encoded");
        }
        return decoded;
    }

    /** AES-GCM with a random 96-bit nonce; {@code context} is authenticated too (a value sealed for one use cannot be moved to another). */
    public String seal(byte[] plain, String context) {
        byte[] nonce = nonce();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return SEAL_VERSION + "." + b64.encodeToString(nonce) + "." + b64.encodeToString(gcm(Cipher.ENCRYPT_MODE, nonce, plain, context));
    }

    public byte[] open(String sealed, String context) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 3 || !SEAL_VERSION.equals(parts[0])) {
            throw new IllegalStateException("Sealed with an unknown key version");
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return gcm(Cipher.DECRYPT_MODE, b64.decode(parts[1]), b64.decode(parts[2]), context);
    }

    /** The version of the key {@link #seal} and {@link #sealBytes} use now: stored beside sealed data as its key id. */
    public String keyId() {
        return SEAL_VERSION;
    }

    /**
     * {@link #seal} for large binary data (files), without base64: the key version's bytes, a dot, the 12-byte nonce,
     * then the ciphertext with its tag.
     */
    public byte[] sealBytes(byte[] plain, String context) {
        byte[] nonce = nonce();
        byte[] version = (SEAL_VERSION + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, nonce, plain, context);
        byte[] out = new byte[version.length + nonce.length + sealed.length];
        System.arraycopy(version, 0, out, 0, version.length);
        System.arraycopy(nonce, 0, out, version.length, nonce.length);
        System.arraycopy(sealed, 0, out, version.length + nonce.length, sealed.length);
        return out;
    }

    public byte[] openBytes(byte[] sealed, String context) {
        byte[] version = (SEAL_VERSION + ".").getBytes(StandardCharsets.US_ASCII);
        if (sealed.length < version.length + 12 || !java.util.Arrays.equals(sealed, 0, version.length, version, 0, version.length)) {
            throw new IllegalStateException("Sealed with an unknown key version");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, version.length, version.length + 12);
        return gcm(Cipher.DECRYPT_MODE, nonce, java.util.Arrays.copyOfRange(sealed, version.length + 12, sealed.length), context);
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private byte[] gcm(int mode, byte[] nonce, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(derive(SEAL_LABEL), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.DECRYPT_MODE) {
                throw new IllegalStateException("Cannot open sealed data: wrong master key, or the data was altered", e);
            }
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of the value under the key derived for the label, hex-encoded. */
    public String hmac(String label, String value) {
        return HexFormat.of().formatHex(mac(derive(label), value.getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] derive(String label) {
        return mac(key, ("okpay:" + label).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
