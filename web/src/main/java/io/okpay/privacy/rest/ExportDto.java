package io.okpay.privacy.rest;

import io.okpay.identity.boundary.PersonalRecords;
import io.okpay.privacy.boundary.ExportFiles;
import io.okpay.privacy.boundary.PersonalData;
import io.okpay.shared.Balance;
import io.okpay.wallet.boundary.Activity;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.util.List;

/**
 * The JSON form of "download my data" (the API and the security page's download): amounts as decimal strings with their
 * currency, times ISO-8601 in UTC.
 */
public record ExportDto(String generated_at, Profile profile, List<BalanceLine> balances, List<HistoryLine> history,
                        List<SignInLine> sign_ins, List<DeviceLine> remembered_devices) {

    public record Profile(String id, String email, String username, String language, String time_zone,
                          boolean email_verified, String email_verified_at, String created_at, List<String> roles,
                          String second_factor, boolean phone_on_file) {
    }

    public record BalanceLine(String currency, String balance, String available) {
    }

    public record HistoryLine(String created_at, String transaction_id, String type, String amount, String currency,
                              String fee, String balance_after, String counterparty, String note, String order,
                              String reference) {
    }

    public record SignInLine(String at, String status, String ip, String user_agent, String device) {
    }

    public record DeviceLine(String remembered_at, String expires_at, String forgotten_at, String ip, String user_agent,
                             String device) {
    }

    public static ExportDto of(PersonalData data) {
        PersonalRecords.Profile p = data.profile();
        return new ExportDto(ExportFiles.time(data.generatedAt()),
                new Profile(p.id(), p.email(), p.username(), p.locale().toLanguageTag(), p.timeZone(), p.emailVerified(),
                        ExportFiles.time(p.emailVerifiedAt()), ExportFiles.time(p.createdAt()), p.roles(), p.secondFactor(),
                        p.phoneOnFile()),
                data.balances().stream().map(ExportDto::balance).toList(),
                data.history().stream().map(ExportDto::line).toList(),
                data.signIns().stream().map(s -> new SignInLine(ExportFiles.time(s.at()), s.status(), s.ip(), s.userAgent(),
                        s.device())).toList(),
                data.rememberedDevices().stream().map(d -> new DeviceLine(ExportFiles.time(d.rememberedAt()),
                        ExportFiles.time(d.expiresAt()), ExportFiles.time(d.forgottenAt()), d.ip(), d.userAgent(),
                        d.device())).toList());
    }

    /** The document as text, with null members kept (a field without a value says so rather than vanishing). */
    public String toJson() {
        try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true).withFormatting(true))) {
            return jsonb.toJson(this);
        } catch (Exception e) {
            throw new IllegalStateException("the export could not be written as JSON", e);
        }
    }

    private static BalanceLine balance(Balance b) {
        return new BalanceLine(b.currency(), b.balance().toDecimal(), b.available().toDecimal());
    }

    private static HistoryLine line(Activity.Item i) {
        return new HistoryLine(ExportFiles.time(i.createdAt()), i.transactionId(), i.code(), i.change().toDecimal(),
                i.currency(), i.fee().toDecimal(), i.balanceAfter().toDecimal(), i.counterparty(), i.note(), i.order(),
                i.reference());
    }
}
