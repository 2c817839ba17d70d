package io.okpay.kyc.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A screening hit with the list entry it matched: exact or fuzzy (score 0-100), open or cleared (with the reason).
 */
public record HitView(String id, boolean exact, int score, String status, String entryName, LocalDate entryDateOfBirth,
                      String entryCountry, String entrySource, String clearedReason) implements Serializable {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
