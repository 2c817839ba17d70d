package io.okpay.payout;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.HouseLedger;
import io.okpay.it.MailCatcher;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.okpay.it.ProblemAssertions.assertFieldError;
import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static io.okpay.it.People.unverified;
import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.press;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Withdrawals to a bank account through the API, black box: IBAN checks, the hold, insufficient funds, idempotent
 * replays, cancel, the operators' export (CSV and pain.001, parsed here), paid and failed with their e-mails, a
 * merchant's payout with its webhook event, BOLA and roles, and a clean ledger reconciliation at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(7)
class PayoutIT {

    static final String DE_IBAN = "DE89 3704 0044 0532 0130 00";
    static final String GB_IBAN = "GB82 WEST 1234 5698 7654 32";

    final URL base = TestServer.base();

    Http http;

    static Person operator;

    @BeforeEach
    void client() {
        http = new Http(base);
        if (operator == null) {
            operator = operator("FINANCE");
        }
    }

    // ---- the tests ------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("IBANs of several countries are accepted as typed; bad check digits, lengths, structures, holders and amounts are field errors")
    void ibanValidation() {
        Person ann = person("en");
        fund(ann.id(), "EUR", "100.00");
        for (String iban : List.of(DE_IBAN, "gb82west12345698765432", "FR14 2004 1010 0505 0001 3M02 606",
                "NL91ABNA0417164300", "IBAN BE68 5390 0754 7034")) {
            HttpResponse<String> created = payout(ann, key(), "1.00", "EUR", iban, "Ann Example");
            assertEquals(201, created.statusCode(), iban + ": " + created.body());
            String last4 = iban.replace(" ", "").toUpperCase().substring(iban.replace(" ", "").length() - 4);
            assertEquals(last4, Http.json(created).getJsonObject("bank_account").getString("iban_last4"));
            assertFalse(created.body().contains(iban.replace(" ", "")), "the full IBAN is never shown again");
        }
        assertFieldError(payout(ann, key(), "1.00", "EUR", "DE88 3704 0044 0532 0130 00", "Ann"), "iban", "iban_invalid");
        assertFieldError(payout(ann, key(), "1.00", "EUR", "DE89 3704 0044 0532 0130 0", "Ann"), "iban", "iban_invalid");
        assertFieldError(payout(ann, key(), "1.00", "EUR", "XX89 3704 0044 0532 0130 00", "Ann"), "iban", "iban_invalid");
        assertFieldError(payout(ann, key(), "1.00", "EUR", "GB58 1234 6016 1331 9268 19", "Ann"), "iban", "iban_invalid");
        assertFieldError(payout(ann, key(), "1.00", "EUR", DE_IBAN, "  "), "account_holder", "account_holder_invalid");
        assertFieldError(payout(ann, key(), "1.001", "EUR", DE_IBAN, "Ann"), "amount", "amount_too_precise");
        assertFieldError(payout(ann, key(), "1.00", "XYZ", DE_IBAN, "Ann"), "currency", "currency_unsupported");
        assertEquals(400, http.post("/api/v1/payouts", "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"iban\":\"DE89370400440532013000\",\"account_holder\":\"Ann\"}",
                "Authorization", ann.bearer()).statusCode(), "no Idempotency-Key");
        assertEquals("10000 500 9500", account(ann.id(), "EUR"), "five payouts of 1.00 held, nothing for the refused ones");
    }

    @Test
    @Order(2)
    @DisplayName("a payout holds its amount; replay answers the first payout, another body with the key is a conflict; not enough money is refused")
    void holdReplayAndInsufficientFunds() {
        Person bea = person("en");
        fund(bea.id(), "EUR", "50.00");
        String key = key();
        HttpResponse<String> created = payout(bea, key, "30.00", "EUR", DE_IBAN, "Bea Example");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject payout = Http.json(created);
        assertTrue(payout.getString("id").startsWith("po_"), created.body());
        assertEquals("pending", payout.getString("status"));
        assertEquals("30.00", payout.getString("amount"));
        assertEquals("0.00", payout.getString("fee"));
        assertEquals("Bea Example", payout.getJsonObject("bank_account").getString("account_holder"));
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/payouts/" + payout.getString("id")));
        assertEquals("5000 3000 2000", account(bea.id(), "EUR"));
        assertEquals("EUR 50.00 20.00", balances(bea), "the balances API shows the reserved money as not available");

        HttpResponse<String> replay = payout(bea, key, "30.00", "EUR", "de89370400440532013000", "Bea Example");
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals(payout.getString("id"), Http.json(replay).getString("id"));
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals("5000 3000 2000", account(bea.id(), "EUR"), "held once");
        HttpResponse<String> conflict = payout(bea, key, "31.00", "EUR", DE_IBAN, "Bea Example");
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals("idempotency_conflict", Http.json(conflict).getString("code"));

        HttpResponse<String> tooMuch = payout(bea, key(), "20.01", "EUR", DE_IBAN, "Bea Example");
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals("insufficient_funds", Http.json(tooMuch).getString("code"));
        HttpResponse<String> noWallet = payout(bea, key(), "1.00", "USD", DE_IBAN, "Bea Example");
        assertEquals(422, noWallet.statusCode(), noWallet.body());
        JsonObject list = Http.json(http.get("/api/v1/payouts", "Authorization", bea.bearer()));
        assertEquals(1, list.getJsonArray("data").size(), "refused requests leave no payout: " + list);
        assertFalse(list.getBoolean("has_more"));

        Person unverified = unverified();
        HttpResponse<String> refused = payout(unverified, key(), "1.00", "EUR", DE_IBAN, "Un Verified");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("email_not_verified", Http.json(refused).getString("code"));
    }

    @Test
    @Order(3)
    @DisplayName("a pending payout can be cancelled once (money available again, e-mail); others see 404 and cannot cancel it")
    void cancelAndBola() {
        Person cai = person("zh-CN");
        fund(cai.id(), "EUR", "20.00");
        String id = Http.json(payout(cai, key(), "15.00", "EUR", DE_IBAN, "Cai Example")).getString("id");
        assertEquals("2000 1500 500", account(cai.id(), "EUR"));

        Person stranger = person("en");
        assertEquals(404, http.get("/api/v1/payouts/" + id, "Authorization", stranger.bearer()).statusCode());
        HttpResponse<String> foreignCancel = http.post("/api/v1/payouts/" + id + "/cancel", "", "Authorization", stranger.bearer());
        assertEquals(404, foreignCancel.statusCode(), foreignCancel.body());
        assertEquals("not_found", Http.json(foreignCancel).getString("code"));
        assertEquals(404, http.get("/api/v1/payouts/po_doesnotexist", "Authorization", cai.bearer()).statusCode());
        assertEquals(401, http.get("/api/v1/payouts/" + id).statusCode(), "no token");

        HttpResponse<String> cancelled = http.post("/api/v1/payouts/" + id + "/cancel", "", "Authorization", cai.bearer());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", Http.json(cancelled).getString("status"));
        assertEquals("2000 0 2000", account(cai.id(), "EUR"));
        MailCatcher.Received mail = MailCatcher.await(cai.email(), "撤销");
        assertTrue(mail.text().contains(id) && mail.text().contains("3000"), mail.text());
        HttpResponse<String> again = http.post("/api/v1/payouts/" + id + "/cancel", "", "Authorization", cai.bearer());
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("payout_not_cancellable", Http.json(again).getString("code"));
        assertEquals("cancelled", Http.json(http.get("/api/v1/payouts/" + id, "Authorization", cai.bearer())).getString("status"));
    }

    @Test
    @Order(4)
    @DisplayName("people cannot use the operators' payout endpoints (403), and anonymous callers are unauthenticated (401)")
    void rolesGuardTheAdminApi() {
        Person dan = person("en");
        assertEquals(403, http.get("/api/v1/admin/payouts?status=pending", "Authorization", dan.bearer()).statusCode());
        assertEquals(403, http.post("/api/v1/admin/payouts/export", "", "Authorization", dan.bearer()).statusCode());
        assertEquals(403, http.post("/api/v1/admin/payouts/po_x/paid", "", "Authorization", dan.bearer()).statusCode());
        assertEquals(403, http.post("/api/v1/admin/payouts/po_x/failed", "{\"reason\":\"x\"}", "Authorization", dan.bearer()).statusCode());
        assertEquals(401, http.get("/api/v1/admin/payouts").statusCode());
    }

    @Test
    @Order(5)
    @DisplayName("export as CSV: pending payouts become processing once; paid posts the hold into clearing, takes the fee, e-mails the owner")
    void exportCsvThenPaid() {
        Person eve = person("en");
        fund(eve.id(), "GBP", "100.00");
        JsonObject created = Http.json(payout(eve, key(), "40.00", "GBP", GB_IBAN, "Eve \"Quote\", Example"));
        String id = created.getString("id");
        assertEquals("1.50", created.getString("fee"), "the configured GBP fee");
        assertEquals("41.50", created.getString("total"));
        assertEquals("10000 4150 5850", account(eve.id(), "GBP"));

        JsonArray pending = Http.json(http.get("/api/v1/admin/payouts?status=pending", "Authorization", operator.bearer()))
                .getJsonArray("data");
        assertTrue(pending.stream().anyMatch(p -> p.asJsonObject().getString("id").equals(id)), pending.toString());

        HttpResponse<String> exported = export("text/csv");
        assertEquals(200, exported.statusCode(), exported.body());
        assertTrue(exported.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String batchId = exported.headers().firstValue("OKPay-Batch-Id").orElseThrow();
        assertTrue(batchId.startsWith("pob_"), batchId);
        List<String> lines = exported.body().lines().toList();
        assertEquals("payout_id,amount,currency,iban,account_holder,reference,batch_id", lines.get(0));
        String line = lines.stream().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow(() -> new AssertionError(exported.body()));
        assertEquals(id + ",40.00,GBP,GB82WEST12345698765432,\"Eve \"\"Quote\"\", Example\",OKPay payout " + id + "," + batchId, line);
        assertEquals(exported.headers().firstValue("OKPay-Payout-Count").orElseThrow(), Integer.toString(lines.size() - 1));
        assertEquals("processing", Http.json(http.get("/api/v1/payouts/" + id, "Authorization", eve.bearer())).getString("status"));

        // Exported once: the next export has only what was requested since.
        String later = Http.json(payout(eve, key(), "5.00", "GBP", GB_IBAN, "Eve Example")).getString("id");
        HttpResponse<String> second = export("text/csv");
        assertEquals(200, second.statusCode(), second.body());
        assertTrue(second.body().contains(later) && !second.body().contains(id), second.body());
        HttpResponse<String> nothing = export("text/csv");
        assertEquals(409, nothing.statusCode(), nothing.body());
        assertEquals("payouts_none_pending", Http.json(nothing).getString("code"));
        HttpResponse<String> again = http.get("/api/v1/admin/payouts/batches/" + batchId, "Authorization", operator.bearer(),
                "Accept", "text/csv");
        assertEquals(exported.body(), again.body(), "a batch downloads again, the same file");
        assertEquals(404, http.get("/api/v1/admin/payouts/batches/pob_unknown", "Authorization", operator.bearer(),
                "Accept", "text/csv").statusCode());

        HttpResponse<String> pendingCancel = http.post("/api/v1/payouts/" + id + "/cancel", "", "Authorization", eve.bearer());
        assertEquals(409, pendingCancel.statusCode(), "exported payouts cannot be cancelled: " + pendingCancel.body());

        HttpResponse<String> paid = http.post("/api/v1/admin/payouts/" + id + "/paid", "", "Authorization", operator.bearer());
        assertEquals(200, paid.statusCode(), paid.body());
        assertEquals("paid", Http.json(paid).getString("status"));
        assertTrue(Http.json(paid).getString("transaction_id").startsWith("txn_"), paid.body());
        assertEquals("5850 650 5200", account(eve.id(), "GBP"), "41.50 left the wallet, the later 5.00 + 1.50 is still held");
        long clearing = HouseLedger.moved(http, "PAYOUT_CLEARING", "GBP", eve.id(), id);
        assertEquals(4000, clearing, "the amount waits in clearing for the bank's debit");
        assertEquals(150, HouseLedger.moved(http, "FEES", "GBP", eve.id(), id), "the fee is revenue");
        MailCatcher.Received mail = MailCatcher.await(eve.email(), "on its way");
        assertTrue(mail.subject().contains("£40.00"), mail.subject());
        assertTrue(mail.text().contains("•••• 5432") && mail.text().contains(id), mail.text());
        assertFalse(mail.text().contains("GB82WEST"), "the e-mail shows only the end of the IBAN");

        HttpResponse<String> twice = http.post("/api/v1/admin/payouts/" + id + "/paid", "", "Authorization", operator.bearer());
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("payout_not_payable", Http.json(twice).getString("code"));
        assertEquals("5850 650 5200", account(eve.id(), "GBP"), "paid once");
        HttpResponse<String> failLater = http.post("/api/v1/admin/payouts/" + id + "/failed", "{\"reason\":\"late\"}",
                "Authorization", operator.bearer());
        assertEquals(409, failLater.statusCode(), failLater.body());
        assertEquals(404, http.post("/api/v1/admin/payouts/po_unknown/paid", "", "Authorization", operator.bearer()).statusCode());
    }

    @Test
    @Order(6)
    @DisplayName("export as pain.001.001.09: counts and control sums add up, debtor is OKPay's account; failed releases the hold and e-mails the reason")
    void exportPain001ThenFailed() throws Exception {
        Person fay = person("zh-CN");
        fund(fay.id(), "EUR", "80.00");
        fund(fay.id(), "GBP", "10.00");
        String eur = Http.json(payout(fay, key(), "25.50", "EUR", "FR14 2004 1010 0505 0001 3M02 606", "Fay Exâmple & Co")).getString("id");
        String eur2 = Http.json(payout(fay, key(), "4.50", "EUR", DE_IBAN, "Fay Example")).getString("id");
        String gbp = Http.json(payout(fay, key(), "3.00", "GBP", GB_IBAN, "Fay Example")).getString("id");

        HttpResponse<String> exported = export("application/xml");
        assertEquals(200, exported.statusCode(), exported.body());
        assertTrue(exported.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(exported.body().getBytes(StandardCharsets.UTF_8)));
        Element root = xml.getDocumentElement();
        assertEquals("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", root.getNamespaceURI());
        assertEquals("Document", root.getLocalName());
        Element header = child(child(root, "CstmrCdtTrfInitn"), "GrpHdr");
        assertEquals(exported.headers().firstValue("OKPay-Batch-Id").orElseThrow(), xmlText(header, "MsgId"));
        NodeList transactions = root.getElementsByTagNameNS("*", "CdtTrfTxInf");
        assertEquals(Integer.toString(transactions.getLength()), xmlText(header, "NbOfTxs"));
        BigDecimal total = BigDecimal.ZERO;
        Map<String, Element> byPayout = new HashMap<>();
        NodeList blocks = root.getElementsByTagNameNS("*", "PmtInf");
        for (int i = 0; i < blocks.getLength(); i++) {
            Element block = (Element) blocks.item(i);
            NodeList own = block.getElementsByTagNameNS("*", "CdtTrfTxInf");
            BigDecimal blockSum = BigDecimal.ZERO;
            String currency = null;
            for (int j = 0; j < own.getLength(); j++) {
                Element tx = (Element) own.item(j);
                Element amount = (Element) tx.getElementsByTagNameNS("*", "InstdAmt").item(0);
                currency = currency == null ? amount.getAttribute("Ccy") : currency;
                assertEquals(currency, amount.getAttribute("Ccy"), "one currency per payment block");
                blockSum = blockSum.add(new BigDecimal(amount.getTextContent()));
                byPayout.put(xmlText(child(tx, "PmtId"), "EndToEndId"), tx);
            }
            assertEquals(Integer.toString(own.getLength()), xmlText(block, "NbOfTxs"));
            assertEquals(0, blockSum.compareTo(new BigDecimal(xmlText(block, "CtrlSum"))), "control sum of " + currency);
            assertEquals("GB33BUKB20201555555555", xmlText(child(child(block, "DbtrAcct"), "Id"), "IBAN"));
            assertEquals("OKPay Client Money (sandbox)", xmlText(child(block, "Dbtr"), "Nm"));
            total = total.add(blockSum);
        }
        assertEquals(0, total.compareTo(new BigDecimal(xmlText(header, "CtrlSum"))), "control sum of the file");
        Element first = byPayout.get(eur);
        assertEquals("25.50", first.getElementsByTagNameNS("*", "InstdAmt").item(0).getTextContent());
        assertEquals("FR1420041010050500013M02606", xmlText(child(child(first, "CdtrAcct"), "Id"), "IBAN"));
        assertEquals("Fay Exâmple & Co", xmlText(child(first, "Cdtr"), "Nm"));
        assertTrue(byPayout.containsKey(eur2) && byPayout.containsKey(gbp), byPayout.keySet().toString());
        assertEquals("4.50", byPayout.get(eur2).getElementsByTagNameNS("*", "InstdAmt").item(0).getTextContent());
        assertEquals("GBP", ((Element) byPayout.get(gbp).getElementsByTagNameNS("*", "InstdAmt").item(0)).getAttribute("Ccy"));

        assertEquals("8000 3000 5000", account(fay.id(), "EUR"));
        HttpResponse<String> noReason = http.post("/api/v1/admin/payouts/" + eur + "/failed", "{}", "Authorization", operator.bearer());
        assertEquals(400, noReason.statusCode(), noReason.body());
        HttpResponse<String> failed = http.post("/api/v1/admin/payouts/" + eur + "/failed",
                "{\"reason\":\"Account closed (AC04)\"}", "Authorization", operator.bearer());
        assertEquals(200, failed.statusCode(), failed.body());
        assertEquals("failed", Http.json(failed).getString("status"));
        assertEquals("Account closed (AC04)", Http.json(failed).getString("failure_reason"));
        assertEquals("8000 450 7550", account(fay.id(), "EUR"), "the failed 25.50 is available again");
        MailCatcher.Received mail = MailCatcher.await(fay.email(), "未能完成");
        assertTrue(mail.text().contains("Account closed (AC04)") && mail.text().contains(eur), mail.text());
        HttpResponse<String> paidAfter = http.post("/api/v1/admin/payouts/" + eur + "/paid", "", "Authorization", operator.bearer());
        assertEquals(409, paidAfter.statusCode(), paidAfter.body());

        // A payout that never reached the bank can also be failed by an operator.
        String notExported = Http.json(payout(fay, key(), "1.00", "EUR", DE_IBAN, "Fay Example")).getString("id");
        assertEquals(200, http.post("/api/v1/admin/payouts/" + notExported + "/failed", "{\"reason\":\"Suspected fraud\"}",
                "Authorization", operator.bearer()).statusCode());
        assertEquals(200, http.post("/api/v1/admin/payouts/" + eur2 + "/paid", "", "Authorization", operator.bearer()).statusCode());
        assertEquals(200, http.post("/api/v1/admin/payouts/" + gbp + "/paid", "", "Authorization", operator.bearer()).statusCode());
        assertEquals("7550 0 7550", account(fay.id(), "EUR"));
        assertEquals("550 0 550", account(fay.id(), "GBP"), "3.00 and the 1.50 fee");
    }

    @Test
    @Order(7)
    @DisplayName("a merchant withdraws its balance with its MERCHANT token; paid tells the owner by e-mail and the shop by webhook event")
    void merchantPayout() {
        Person owner = person("en");
        JsonObject merchant = Http.json(http.post("/api/v1/test-merchant/approved/" + owner.id() + "?name=Payout%20Shop&currency=EUR", ""));
        String merchantId = merchant.getString("merchant_id");
        Person shop = new Person(merchantId, owner.email(), owner.username(), merchant.getString("access_token"), owner.locale());
        fund(merchantId, "EUR", "500.00");
        // A key pays out only to a bank account the owner approved with a code (StepUpIT does it on the dashboard).
        assertEquals("1", http.post("/api/v1/test-payout/confirmed-account/" + merchantId + "?iban="
                + DE_IBAN.replace(" ", ""), "").body());

        HttpResponse<String> created = payout(shop, key(), "120.00", "EUR", DE_IBAN, "Payout Shop GmbH");
        assertEquals(201, created.statusCode(), created.body());
        String id = Http.json(created).getString("id");
        assertEquals(merchantId, Http.json(created).getString("merchant_id"));
        assertEquals("50000 12000 38000", account(merchantId, "EUR"));
        assertEquals(404, http.get("/api/v1/payouts/" + id, "Authorization", owner.bearer()).statusCode(),
                "the owner's personal token does not see the shop's payouts");
        JsonObject listed = Http.json(http.get("/api/v1/payouts", "Authorization", shop.bearer()));
        assertEquals(id, listed.getJsonArray("data").getJsonObject(0).getString("id"));

        Person other = person("en");
        String otherShop = Http.json(http.post("/api/v1/test-merchant/approved/" + other.id(), "")).getString("access_token");
        assertEquals(404, http.get("/api/v1/payouts/" + id, "Authorization", "Bearer " + otherShop).statusCode(),
                "another merchant's payout is not found");

        assertEquals(200, export("text/csv").statusCode());
        HttpResponse<String> paid = http.post("/api/v1/admin/payouts/" + id + "/paid", "", "Authorization", operator.bearer());
        assertEquals(200, paid.statusCode(), paid.body());
        assertEquals("38000 0 38000", account(merchantId, "EUR"));
        MailCatcher.Received mail = MailCatcher.await(owner.email(), "on its way");
        assertTrue(mail.text().contains(id), mail.text());

        JsonObject event = Http.json(http.get("/api/v1/test-payout/webhook?type=payout.paid&object=" + id));
        assertEquals(merchantId, event.getString("merchant_id"), event.toString());
        assertTrue(event.getString("id").startsWith("evt_"));
        assertEquals("paid", event.getJsonObject("data").getString("status"));
        assertEquals(Http.json(http.get("/api/v1/payouts/" + id, "Authorization", shop.bearer())), event.getJsonObject("data"),
                "the event carries the payout as the API shows it");

        String failing = Http.json(payout(shop, key(), "10.00", "EUR", DE_IBAN, "Payout Shop GmbH")).getString("id");
        assertEquals(200, http.post("/api/v1/admin/payouts/" + failing + "/failed", "{\"reason\":\"Name mismatch\"}",
                "Authorization", operator.bearer()).statusCode());
        JsonObject failedEvent = Http.json(http.get("/api/v1/test-payout/webhook?type=payout.failed&object=" + failing));
        assertEquals("failed", failedEvent.getJsonObject("data").getString("status"), failedEvent.toString());
        assertEquals("38000 0 38000", account(merchantId, "EUR"));
    }

    @Test
    @Order(8)
    @DisplayName("in a browser: withdraw form with a field error, confirmation with fee and masked IBAN, result, the list, cancel; the merchant page refuses non-owners; Chinese")
    void browserWithdrawal() throws Exception {
        Person gus = person("en");
        fund(gus.id(), "EUR", "50.00");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, gus.email());

            browser.get(url("/wallet/withdraw.xhtml"));
            waitFor(browser, "payout:iban");
            type(browser, "payout:amount", "20.00");
            new Select(browser.findElement(By.id("payout:currency"))).selectByValue("EUR");
            type(browser, "payout:iban", "DE88 3704 0044 0532 0130 00");
            type(browser, "payout:account_holder", "Gus Example");
            click(browser, "payout:continue");
            waitFor(browser, "payout:iban-error");
            assertTrue(text(browser).contains("Enter a valid IBAN"), text(browser));

            type(browser, "payout:iban", DE_IBAN);
            int before = MailCatcher.codeMails(gus.email());
            click(browser, "payout:continue");
            waitFor(browser, "confirm:submit");
            // Every payout is approved with a code, sent as the confirmation shows.
            type(browser, "confirm:code", MailCatcher.nextCode(gus.email(), before));
            String summary = browser.findElement(By.id("summary")).getText();
            assertTrue(summary.contains("Gus Example") && summary.contains("•••• 3000") && summary.contains("€20.00")
                    && summary.contains("€0.00"), summary);
            assertFalse(summary.contains("3704"), "the confirmation masks the IBAN: " + summary);
            assertEquals("5000 0 5000", account(gus.id(), "EUR"), "nothing is held before the confirmation");

            click(browser, "confirm:submit");
            waitFor(browser, "reference");
            String reference = browser.findElement(By.id("reference")).getText();
            assertTrue(reference.startsWith("po_"), text(browser));
            assertEquals("5000 2000 3000", account(gus.id(), "EUR"));
            waitFor(browser, "row-" + reference);
            assertTrue(browser.findElement(By.id("row-" + reference)).getText().contains("Waiting to be sent"), text(browser));

            press(browser, browser.findElement(By.cssSelector("#row-" + reference + " input[type=submit]")));
            waitFor(browser, "payout-list");
            assertTrue(text(browser).contains("The withdrawal was cancelled"), text(browser));
            assertTrue(browser.findElement(By.id("row-" + reference)).getText().contains("Cancelled"), text(browser));
            assertEquals("5000 0 5000", account(gus.id(), "EUR"));

            browser.get(url("/merchant/payouts.xhtml"));
            waitFor(browser, "not-a-merchant");
            browser.get(url("/wallet/withdraw.xhtml?lang=zh-CN"));
            waitFor(browser, "payout:iban");
            assertTrue(text(browser).contains("提现到银行账户") && text(browser).contains("已撤销"), text(browser));
            browser.get(url("/admin/payouts.xhtml"));
            assertFalse(browser.getPageSource().contains("export-csv"), "people are not operators");
        } finally {
            browser.quit();
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    @Order(9)
    @DisplayName("in a browser, an operator: the queue, mark failed with a reason, mark paid, and export says when nothing is pending")
    void browserOperatorQueue() throws Exception {
        Person hal = person("en");
        fund(hal.id(), "EUR", "30.00");
        String failing = Http.json(payout(hal, key(), "12.00", "EUR", DE_IBAN, "Hal Example")).getString("id");
        String paying = Http.json(payout(hal, key(), "5.00", "EUR", DE_IBAN, "Hal Example")).getString("id");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, operator.email());

            browser.get(url("/admin/payouts.xhtml"));
            waitFor(browser, "pending-" + failing);
            assertTrue(browser.findElement(By.id("pending-" + paying)).getText().contains("•••• 3000"), text(browser));
            press(browser, browser.findElement(By.cssSelector("#pending-" + failing + " input[type=submit]")));
            waitFor(browser, "queue");
            assertTrue(text(browser).contains("Give the reason the payout failed"), text(browser));
            WebElement reason = browser.findElement(By.cssSelector("#pending-" + failing + " input[type=text]"));
            reason.clear();
            reason.sendKeys("Beneficiary bank refused");
            press(browser, browser.findElement(By.cssSelector("#pending-" + failing + " input[type=submit]")));
            waitFor(browser, "queue");
            assertTrue(text(browser).contains("Payout " + failing + " is marked failed"), text(browser));
            assertTrue(browser.findElements(By.id("pending-" + failing)).isEmpty(), text(browser));
            assertEquals("3000 500 2500", account(hal.id(), "EUR"));

            assertEquals(200, export("text/csv").statusCode());
            browser.get(url("/admin/payouts.xhtml"));
            waitFor(browser, "processing-" + paying);
            press(browser, browser.findElement(By.cssSelector("#processing-" + paying + " input[type=submit]")));
            waitFor(browser, "queue");
            assertTrue(text(browser).contains("Payout " + paying + " is marked paid"), text(browser));
            assertEquals("2500 0 2500", account(hal.id(), "EUR"));

            click(browser, "files:export-csv");
            waitFor(browser, "files");
            assertTrue(text(browser).contains("There are no pending payouts to export"), text(browser));
        } finally {
            browser.quit();
        }
        MailCatcher.Received mail = MailCatcher.await(hal.email(), "could not be made");
        assertTrue(mail.text().contains("Beneficiary bank refused"), mail.text());
    }

    @Test
    @Order(10)
    @DisplayName("an exported payout's hold does not lapse while the bank pays it; a payout never exported fails by itself "
            + "when its hold's deadline passes, the owner is e-mailed in their language, and all of it is in the audit log")
    void holdsOfExportedPayoutsDoNotLapse() {
        Person ivy = person("en");
        Person jun = person("zh-CN");
        fund(ivy.id(), "EUR", "50.00");
        fund(jun.id(), "EUR", "20.00");
        String exported = Http.json(payout(ivy, key(), "20.00", "EUR", DE_IBAN, "Ivy Example")).getString("id");
        HttpResponse<String> file = export("text/csv");
        assertEquals(200, file.statusCode(), file.body());
        String batchId = file.headers().firstValue("OKPay-Batch-Id").orElseThrow();
        String lapsing = Http.json(payout(ivy, key(), "10.00", "EUR", DE_IBAN, "Ivy Example")).getString("id");
        String lapsingZh = Http.json(payout(jun, key(), "5.00", "EUR", DE_IBAN, "Jun Example")).getString("id");
        assertEquals("5000 3000 2000", account(ivy.id(), "EUR"));

        // A month and a day later, past okpay.payout.hold-days (30), and the ledger's hold expiry has run.
        for (String id : List.of(exported, lapsing, lapsingZh)) {
            assertEquals(200, http.post("/api/v1/test-payout/age/" + id + "?days=31", "").statusCode());
        }
        assertEquals(200, http.post("/api/v1/test-payout/expire-holds", "").statusCode());
        assertEquals("5000 2000 3000", account(ivy.id(), "EUR"), "only the exported payout's money is still held");

        HttpResponse<String> paid = http.post("/api/v1/admin/payouts/" + exported + "/paid", "", "Authorization", operator.bearer());
        assertEquals(200, paid.statusCode(), "the bank paid it after the deadline: " + paid.body());
        assertEquals("3000 0 3000", account(ivy.id(), "EUR"));

        MailCatcher.Received notice = MailCatcher.await(ivy.email(), "was not sent");
        assertTrue(notice.subject().contains("€10.00") && notice.text().contains(lapsing), notice.text());
        MailCatcher.Received noticeZh = MailCatcher.await(jun.email(), "未能发出");
        assertTrue(noticeZh.text().contains(lapsingZh) && noticeZh.text().contains("重新申请"), noticeZh.text());
        JsonObject failed = Http.json(http.get("/api/v1/payouts/" + lapsing, "Authorization", ivy.bearer()));
        assertEquals("failed", failed.getString("status"), failed.toString());
        assertFalse(failed.getString("failure_reason").isBlank(), failed.toString());
        assertEquals("failed", Http.json(http.get("/api/v1/payouts/" + lapsingZh, "Authorization", jun.bearer())).getString("status"));
        assertEquals("3000 0 3000", account(ivy.id(), "EUR"), "the lapsed payout's money is available again");
        assertEquals("2000 0 2000", account(jun.id(), "EUR"));
        HttpResponse<String> paidLate = http.post("/api/v1/admin/payouts/" + lapsing + "/paid", "", "Authorization", operator.bearer());
        assertEquals(409, paidLate.statusCode(), paidLate.body());

        String operators = audit(operator.id());
        assertTrue(operators.contains("PAYOUT_EXPORT " + batchId) && operators.contains("PAYOUT_PAID " + exported), operators);
        String system = audit("system");
        assertTrue(system.contains("PAYOUT_FAILED " + lapsing) && system.contains("PAYOUT_FAILED " + lapsingZh), system);
    }

    @Test
    @Order(100)
    @DisplayName("after all of it, the ledger reconciles: every balance equals its entries, every transaction sums to zero")
    void reconciliationIsClean() {
        HttpResponse<String> run = http.post("/api/v1/admin/ledger/reconciliation", "", "Authorization", operator.bearer());
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(Http.json(run).getBoolean("consistent"), run.body());
        assertTrue(audit(operator.id()).lines().anyMatch(line -> line.startsWith("RECONCILIATION_RUN consistent")),
                "who ran it and what it found is in the audit log");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /**
     * Requests a payout as its owner does: a person's token is asked for a code (403 step_up_required), which comes by
     * e-mail and is sent back with the same request; anything else is the first answer.
     */
    HttpResponse<String> payout(Person person, String key, String amount, String currency, String iban, String holder) {
        String body = "{\"amount\":\"%s\",\"currency\":\"%s\",\"iban\":\"%s\",\"account_holder\":\"%s\""
                .formatted(amount, currency, iban, holder.replace("\"", "\\\""));
        int before = MailCatcher.codeMails(person.email());
        HttpResponse<String> first = http.post("/api/v1/payouts", body + "}", "Authorization", person.bearer(),
                "Idempotency-Key", key);
        if (first.statusCode() != 403 || !"step_up_required".equals(Http.json(first).getString("code"))) {
            return first;
        }
        String answer = ",\"challenge_id\":\"%s\",\"code\":\"%s\"}".formatted(
                Http.json(first).getString("challenge_id"), MailCatcher.nextCode(person.email(), before));
        return http.post("/api/v1/payouts", body + answer, "Authorization", person.bearer(), "Idempotency-Key", key);
    }

    HttpResponse<String> export(String accept) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/admin/payouts/export"))
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", operator.bearer(), "Accept", accept);
    }

    /** The audit log's records of one actor, "EVENT detail" per line. */
    String audit(String actor) {
        HttpResponse<String> read = http.get("/api/v1/test-audit?actor=" + actor);
        assertEquals(200, read.statusCode(), read.body());
        return read.body();
    }

    String account(String owner, String currency) {
        HttpResponse<String> read = http.get("/api/v1/test-payout/account?owner=" + owner + "&currency=" + currency);
        assertEquals(200, read.statusCode(), read.body());
        return read.body().strip();
    }

    String balances(Person person) {
        JsonArray data = (JsonArray) Http.parse(http.get("/api/v1/balances", "Authorization", person.bearer()).body());
        List<String> shown = new ArrayList<>();
        data.forEach(b -> shown.add(b.asJsonObject().getString("currency") + " " + b.asJsonObject().getString("balance")
                + " " + b.asJsonObject().getString("available")));
        return String.join(", ", shown);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    static String xmlText(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
