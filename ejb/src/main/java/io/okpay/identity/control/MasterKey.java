package io.okpay.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The installation's master key (okpay.master-key, base64 of 32 random bytes, from configuration only). Each use gets
 * its own key derived from it by HMAC over a label, so one key never serves two purposes.
 */
@ApplicationScoped
public class MasterKey {

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
