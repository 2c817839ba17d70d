package io.okpay.privacy.boundary;

import io.okpay.identity.boundary.PersonalRecords;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.HistoryFilter;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * "Download my data": gathers what identity and the wallet hold about the person, through their boundaries. The
 * history is read page by page (newest first, the wallet's own cursor) and handed back oldest first, whatever its
 * length.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DataExport {

    private static final int PAGE = 100;

    @EJB
    PersonalRecords records;

    @EJB
    Wallets wallets;

    /** The person's data; device descriptions of sign-ins and remembered devices in {@code locale}. */
    public PersonalData of(String userId, Locale locale) {
        PersonalRecords.Profile profile = records.profile(userId);
        List<Activity.Item> history = new ArrayList<>();
        Long before = null;
        do {
            Activity page = wallets.activity(userId, HistoryFilter.none(), before, PAGE);
            history.addAll(page.items());
            before = page.nextCursor();
        } while (before != null);
        Collections.reverse(history);
        return new PersonalData(Instant.now(), profile, wallets.balances(userId), history, records.signIns(userId, locale),
                records.rememberedDevices(userId, locale));
    }
}
