package io.okpay.privacy.boundary;

import io.okpay.identity.boundary.PersonalRecords;
import io.okpay.shared.Balance;
import io.okpay.wallet.boundary.Activity;

import java.time.Instant;
import java.util.List;

/**
 * Everything OKPay holds about one person that they may take with them: the profile, the balances of their wallets,
 * every movement of their wallets (oldest first), every sign-in attempt and every remembered device (newest first).
 * Only their own: another person's movements appear only as the counterparty of their own.
 */
public record PersonalData(Instant generatedAt, PersonalRecords.Profile profile, List<Balance> balances,
                           List<Activity.Item> history, List<PersonalRecords.SignInRecord> signIns,
                           List<PersonalRecords.DeviceRecord> rememberedDevices) {
}
