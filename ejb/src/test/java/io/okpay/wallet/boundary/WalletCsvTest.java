package io.okpay.wallet.boundary;

import io.okpay.shared.Money;
import io.okpay.shared.TimeZones;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WalletCsvTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Money usd(long minor) {
        return new Money(minor, "USD", 2);
    }

    static Activity.Item item(String id, String code, long change, long after, String when, String counterparty, String note) {
        return new Activity.Item(id, code, usd(change), usd(after), Instant.parse(when), null, counterparty, note, null,
                null, usd(0));
    }

    @Test
    @DisplayName("history: headers, types and descriptions as whole sentences in the person's language, notes neutralised")
    void history() {
        List<Activity.Item> items = List.of(
                item("txn_1", "topup", 10000, 10000, "2026-11-02T10:00:00Z", null, "Card"),
                item("txn_2", "p2p_transfer", -1250, 8750, "2026-11-03T11:30:00.123456Z", "bob", "=cmd()"),
                new Activity.Item("txn_3", "payment", usd(-2500), usd(6250), Instant.parse("2026-11-04T09:00:00Z"), null,
                        "Mug Shop", "Two blue mugs", "W-77", "pay_1", usd(0)),
                new Activity.Item("txn_4", "refund", usd(500), usd(6750), Instant.parse("2026-11-05T09:00:00Z"), null,
                        "Mug Shop", "chipped", "W-77", "re_1", usd(0)));
        String[] lines = WalletCsv.history(items, Locale.ENGLISH, TimeZones.UTC).split("\r\n");
        assertEquals(5, lines.length);
        assertEquals("\uFEFFDate (UTC),Transaction,Type,Description,Counterparty,Order,Note,Amount,Currency,Fee,Balance after", lines[0]);
        assertEquals("2026-11-02T10:00:00Z,txn_1,Top-up,Top-up,,,Card,100.00,USD,0.00,100.00", lines[1]);
        assertEquals("2026-11-03T11:30:00Z,txn_2,Transfer,Transfer to bob,bob,,'=cmd(),-12.50,USD,0.00,87.50", lines[2]);
        assertEquals("2026-11-04T09:00:00Z,txn_3,Payment to a shop,Payment to Mug Shop for order W-77,Mug Shop,W-77,"
                + "Two blue mugs,-25.00,USD,0.00,62.50", lines[3]);
        assertEquals("2026-11-05T09:00:00Z,txn_4,Refund from a shop,Refund from Mug Shop for order W-77,Mug Shop,W-77,"
                + "chipped,5.00,USD,0.00,67.50", lines[4]);
        String[] chinese = WalletCsv.history(items, Locale.SIMPLIFIED_CHINESE, SHANGHAI).split("\r\n");
        assertEquals("\uFEFF日期（Asia/Shanghai）,交易编号,类型,说明,对方,订单,备注,金额,币种,手续费,交易后余额", chinese[0]);
        assertEquals("2026-11-03T19:30:00+08:00,txn_2,转账,转账给 bob,bob,,'=cmd(),-12.50,USD,0.00,87.50", chinese[2]);
        assertEquals("2026-11-04T17:00:00+08:00,txn_3,商户付款,向 Mug Shop 付款（订单 W-77）,Mug Shop,W-77,Two blue mugs,"
                + "-25.00,USD,0.00,62.50", chinese[3]);
    }

    @Test
    @DisplayName("statement: opening, entries, totals in and out, closing")
    void statement() {
        Statement statement = new Statement(YearMonth.of(2026, 11), TimeZones.UTC, "USD",
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), usd(500),
                List.of(item("txn_1", "topup", 10000, 10500, "2026-11-02T10:00:00Z", null, null),
                        item("txn_2", "p2p_transfer", -1250, 9250, "2026-11-03T11:00:00Z", "bob", null)),
                usd(10000), usd(1250), usd(9250));
        String[] lines = WalletCsv.statement(statement, Locale.ENGLISH).split("\r\n");
        assertEquals(7, lines.length);
        assertEquals("2026-11-01T00:00:00Z,,Opening balance,,,,,,USD,,5.00", lines[1]);
        assertEquals("2026-11-03T11:00:00Z,txn_2,Transfer,Transfer to bob,bob,,,-12.50,USD,0.00,92.50", lines[3]);
        assertEquals("2026-11-03T11:00:00Z,,Money in,,,,,100.00,USD,,", lines[4]);
        assertEquals("2026-11-03T11:00:00Z,,Money out,,,,,-12.50,USD,,", lines[5]);
        assertEquals("2026-11-03T11:00:00Z,,Closing balance,,,,,,USD,,92.50", lines[6]);
        assertEquals("2026-11-03T11:00:00Z,,期末余额,,,,,,USD,,92.50",
                WalletCsv.statement(statement, Locale.SIMPLIFIED_CHINESE).split("\r\n")[6]);
    }

    @Test
    @DisplayName("statement in Shanghai: the month opens at local midnight, entries in local time")
    void statementInShanghai() {
        YearMonth november = YearMonth.of(2026, 11);
        Statement statement = new Statement(november, SHANGHAI, "USD", Statement.monthStart(november, SHANGHAI),
                Statement.monthStart(november.plusMonths(1), SHANGHAI), usd(0),
                List.of(item("txn_1", "topup", 10000, 10000, "2026-10-31T16:30:00Z", null, null)),
                usd(10000), usd(0), usd(10000));
        String[] lines = WalletCsv.statement(statement, Locale.ENGLISH).split("\r\n");
        assertEquals("\uFEFFDate (Asia/Shanghai)", lines[0].split(",")[0]);
        assertEquals("2026-11-01T00:00:00+08:00,,Opening balance,,,,,,USD,,0.00", lines[1]);
        assertEquals("2026-11-01T00:30:00+08:00,txn_1,Top-up,Top-up,,,,100.00,USD,0.00,100.00", lines[2]);
    }
}
