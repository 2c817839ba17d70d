package io.okpay.privacy.boundary;

import io.okpay.identity.boundary.PersonalRecords;
import io.okpay.shared.Balance;
import io.okpay.shared.Money;
import io.okpay.wallet.boundary.Activity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExportFilesTest {

    private static final Instant AT = Instant.parse("2026-12-06T01:32:22.123456Z");

    @Test
    @DisplayName("times are ISO-8601 in UTC to the second; none stays none")
    void times() {
        assertEquals("2026-12-06T01:32:22Z", ExportFiles.time(AT));
        assertNull(ExportFiles.time(null));
    }

    @Test
    @DisplayName("the ZIP holds one CSV per section; amounts are decimal strings, Chinese and accents survive, a note "
            + "that looks like a formula is defused")
    void zip() throws IOException {
        String note = "周五的午饭钱, \"Zoë\" Ångström ☕";
        PersonalData data = new PersonalData(AT,
                new PersonalRecords.Profile("usr_1", "ann@example.com", "ann", Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai",
                        true, AT, AT, List.of("USER"), "NONE", false),
                List.of(new Balance(new Money(1250, "USD", 2), new Money(1000, "USD", 2)), new Balance(new Money(300, "JPY", 0),
                        new Money(300, "JPY", 0))),
                List.of(new Activity.Item("txn_1", "p2p_transfer", new Money(-525, "EUR", 2), new Money(0, "EUR", 2), AT,
                        "tr_1", "bob", note, null, "tr_1", new Money(0, "EUR", 2)),
                        new Activity.Item("txn_2", "p2p_transfer", new Money(100, "EUR", 2), new Money(100, "EUR", 2), AT,
                                "tr_2", "eve", "=HYPERLINK(\"x\")", null, "tr_2", new Money(0, "EUR", 2))),
                List.of(new PersonalRecords.SignInRecord(AT, "SUCCEEDED", "203.0.113.7", "Mozilla/5.0", "Firefox on Windows")),
                List.of(new PersonalRecords.DeviceRecord(AT, AT.plusSeconds(30 * 86_400), null, "203.0.113.7", "Mozilla/5.0",
                        "Firefox on Windows")));

        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ExportFiles.zip(data)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                texts.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("profile.csv", "balances.csv", "history.csv", "sign_ins.csv", "remembered_devices.csv"), names);
        texts.forEach(text -> assertEquals('\uFEFF', text.charAt(0)));

        List<CSVRecord> profile = parse(texts.get(0));
        assertEquals(List.of("language", "zh-CN"), profile.get(4).toList());
        assertEquals(List.of("created_at", "2026-12-06T01:32:22Z"), profile.get(8).toList());
        List<CSVRecord> balances = parse(texts.get(1));
        assertEquals(List.of("USD", "12.50", "10.00"), balances.get(1).toList());
        assertEquals(List.of("JPY", "300", "300"), balances.get(2).toList());
        List<CSVRecord> history = parse(texts.get(2));
        assertEquals(ExportFiles.HISTORY_COLUMNS, history.get(0).toList());
        assertEquals(List.of("2026-12-06T01:32:22Z", "txn_1", "p2p_transfer", "-5.25", "EUR", "0.00", "0.00", "bob", note,
                "", "tr_1"), history.get(1).toList());
        assertEquals("'=HYPERLINK(\"x\")", history.get(2).get(8));
        assertEquals(List.of("2026-12-06T01:32:22Z", "SUCCEEDED", "203.0.113.7", "Mozilla/5.0", "Firefox on Windows"),
                parse(texts.get(3)).get(1).toList());
        List<CSVRecord> devices = parse(texts.get(4));
        assertEquals(List.of("remembered_at", "expires_at", "forgotten_at", "ip", "user_agent", "device"),
                devices.get(0).toList());
        assertEquals(List.of("2026-12-06T01:32:22Z", "2027-01-05T01:32:22Z", "", "203.0.113.7", "Mozilla/5.0",
                "Firefox on Windows"), devices.get(1).toList());
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }
}
