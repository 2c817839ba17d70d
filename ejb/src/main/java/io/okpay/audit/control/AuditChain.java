package io.okpay.audit.control;

import io.okpay.shared.crypto.Secrets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The hash that chains one audit record to the one before it. */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so that no two records hash alike. */
    public static String hash(String prevHash, Instant createdAt, String actor, String event, String ip, String detail) {
        // Microseconds: what DATETIME(6) keeps, so a record read back hashes the same.
        String time = createdAt.truncatedTo(ChronoUnit.MICROS).toString();
        StringBuilder content = new StringBuilder();
        for (String field : new String[]{prevHash, time, actor, event, ip, detail}) {
            content.append(field.length()).append(':').append(field).append('|');
        }
        return Secrets.sha256(content.toString());
    }
}
