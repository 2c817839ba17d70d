package io.okpay.payout.control;

import io.okpay.payout.entity.Payout;
import io.okpay.shared.crypto.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/**
 * A payout's IBAN is kept sealed under the master key, bound to the payout's id (a sealed IBAN copied to another
 * payout does not open). It is opened only to compare a repeated request and to write the bank file.
 */
@ApplicationScoped
public class PayoutIbans {

    @Inject
    MasterKey masterKey;

    public String seal(String payoutId, Iban iban) {
        return masterKey.seal(iban.value().getBytes(StandardCharsets.US_ASCII), context(payoutId));
    }

    public String open(Payout payout) {
        return new String(masterKey.open(payout.ibanSealed(), context(payout.publicId())), StandardCharsets.US_ASCII);
    }

    private static String context(String payoutId) {
        return "payout-iban:" + payoutId;
    }
}
