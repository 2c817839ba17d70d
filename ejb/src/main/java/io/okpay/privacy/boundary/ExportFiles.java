package io.okpay.privacy.boundary;

import io.okpay.identity.boundary.PersonalRecords;
import io.okpay.shared.Balance;
import io.okpay.shared.Csv;
import io.okpay.wallet.boundary.Activity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The CSV form of "download my data", as data-portability exports usually come: one ZIP with a CSV file per section
 * ({@code profile.csv}, {@code balances.csv}, {@code history.csv}, {@code sign_ins.csv},
 * {@code remembered_devices.csv}), each RFC 4180 in UTF-8 with a
 * byte order mark, column names the same as the JSON form's keys, times ISO-8601 in UTC, amounts decimal strings.
 */
public final class ExportFiles {

    public static final String ZIP_MEDIA_TYPE = "application/zip";
    static final List<String> HISTORY_COLUMNS = List.of("created_at", "transaction_id", "type", "amount", "currency", "fee",
            "balance_after", "counterparty", "note", "order", "reference");

    private ExportFiles() {
    }

    /** An instant as the export writes it: ISO-8601 in UTC to the second ("2026-12-06T01:32:22Z"); null stays null. */
    public static String time(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The five CSV files, by file name, in the order the ZIP holds them. */
    public static Map<String, byte[]> csvFiles(PersonalData data) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("profile.csv", profile(data.profile()).toBytes());
        Csv balances = new Csv().row("currency", "balance", "available");
        for (Balance balance : data.balances()) {
            balances.row(balance.currency(), balance.balance().toDecimal(), balance.available().toDecimal());
        }
        files.put("balances.csv", balances.toBytes());
        Csv history = new Csv().row(HISTORY_COLUMNS);
        for (Activity.Item item : data.history()) {
            history.row(time(item.createdAt()), item.transactionId(), item.code(), item.change().toDecimal(), item.currency(),
                    item.fee().toDecimal(), item.balanceAfter().toDecimal(), item.counterparty(), item.note(), item.order(),
                    item.reference());
        }
        files.put("history.csv", history.toBytes());
        Csv signIns = new Csv().row("at", "status", "ip", "user_agent", "device");
        for (PersonalRecords.SignInRecord signIn : data.signIns()) {
            signIns.row(time(signIn.at()), signIn.status(), signIn.ip(), signIn.userAgent(), signIn.device());
        }
        files.put("sign_ins.csv", signIns.toBytes());
        Csv devices = new Csv().row("remembered_at", "expires_at", "forgotten_at", "ip", "user_agent", "device");
        for (PersonalRecords.DeviceRecord device : data.rememberedDevices()) {
            devices.row(time(device.rememberedAt()), time(device.expiresAt()), time(device.forgottenAt()), device.ip(),
                    device.userAgent(), device.device());
        }
        files.put("remembered_devices.csv", devices.toBytes());
        return files;
    }

    /** The CSV files in one ZIP. */
    public static byte[] zip(PersonalData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : csvFiles(data).entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(data.generatedAt().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One row per field: the profile is one record, which reads better downwards than as a single wide row. */
    private static Csv profile(PersonalRecords.Profile profile) {
        return new Csv().row("field", "value")
                .row("id", profile.id())
                .row("email", profile.email())
                .row("username", profile.username())
                .row("language", profile.locale().toLanguageTag())
                .row("time_zone", profile.timeZone())
                .row("email_verified", String.valueOf(profile.emailVerified()))
                .row("email_verified_at", time(profile.emailVerifiedAt()))
                .row("created_at", time(profile.createdAt()))
                .row("roles", String.join(" ", profile.roles()))
                .row("second_factor", profile.secondFactor())
                .row("phone_on_file", String.valueOf(profile.phoneOnFile()));
    }
}
