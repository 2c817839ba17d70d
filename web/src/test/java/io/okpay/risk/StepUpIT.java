package io.okpay.risk;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Codes before money leaves, bound to what they approve (dynamic linking), black box: a code e-mailed for one transfer,
 * payout or conversion names its amount and payee in the person's language and approves that operation only; every
 * payout asks the account owner for a code; a merchant's API key pays out only to a bank account its owner approved
 * with a code on the dashboard; the security page says why a code was asked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(9)
class StepUpIT {

    static final String DE_IBAN = "DE89 3704 0044 0532 0130 00";
    static final String GB_IBAN = "GB82 WEST 1234 5698 7654 32";

    Http http;

    @BeforeEach
    void client() {
        http = new Http(TestServer.base());
    }

    @Test
    @Order(1)
    @DisplayName("a code approving transfer A (25.00 USD to Bob) is refused for another amount, currency or recipient; then approves A")
    void codeForOneTransferIsRefusedForAnother() {
        Person ann = person("en");
        Person bob = person("en");
        Person cai = person("en");
        fund(ann, "USD", "100.00");
        fund(ann, "EUR", "100.00");
        int before = MailCatcher.codeMails(ann.email());
        HttpResponse<String> asked = send(ann, key(), bob.email(), "25.00", "USD", null, null);
        assertEquals(403, asked.statusCode(), asked.body());
        assertEquals("step_up_required", Http.json(asked).getString("code"));
        String challenge = Http.json(asked).getString("challenge_id");
        String code = MailCatcher.nextCode(ann.email(), before);
        MailCatcher.Received mail = codeMail(ann.email(), before);
        assertTrue(mail.text().contains(code + " approves sending 25.00 USD to " + bob.email()), mail.text());

        for (String[] other : new String[][]{{bob.email(), "25.01", "USD"}, {bob.email(), "25.00", "EUR"},
                {cai.email(), "25.00", "USD"}}) {
            HttpResponse<String> refused = send(ann, key(), other[0], other[1], other[2], challenge, code);
            assertEquals(422, refused.statusCode(), String.join(" ", other) + ": " + refused.body());
            assertEquals("step_up_mismatch", Http.json(refused).getString("code"), refused.body());
        }
        assertEquals("0", transfersOf(cai), "nothing reached the other recipient");

        HttpResponse<String> sent = send(ann, key(), bob.email(), "25.00", "USD", challenge, code);
        assertEquals(201, sent.statusCode(), sent.body());
        HttpResponse<String> reused = send(ann, key(), cai.email(), "25.00", "USD", challenge, code);
        assertEquals(422, reused.statusCode(), "a used code approves nothing more: " + reused.body());
    }

    @Test
    @Order(2)
    @DisplayName("the code's e-mail names amount and recipient in the person's language (简体中文)")
    void codeMailInChinese() {
        Person jun = person("zh-CN");
        Person bob = person("en");
        fund(jun, "USD", "100.00");
        int before = MailCatcher.codeMails(jun.email());
        HttpResponse<String> asked = send(jun, key(), bob.email(), "25.00", "USD", null, null);
        assertEquals(403, asked.statusCode(), asked.body());
        String code = MailCatcher.nextCode(jun.email(), before);
        MailCatcher.Received mail = codeMail(jun.email(), before);
        assertTrue(mail.text().contains("验证码 " + code + " 用于确认向 " + bob.email() + " 转账 25.00 USD"), mail.text());
    }

    @Test
    @Order(3)
    @DisplayName("a person's payout without a code is refused and holds nothing; a code for one bank account does not approve another")
    void personPayoutNeedsItsOwnCode() {
        Person eve = person("en");
        fund(eve, "EUR", "100.00");
        int before = MailCatcher.codeMails(eve.email());
        String key = key();
        HttpResponse<String> asked = payout(eve.bearer(), key, "20.00", DE_IBAN, "Eve Example", null, null);
        assertEquals(403, asked.statusCode(), asked.body());
        assertEquals("step_up_required", Http.json(asked).getString("code"));
        assertEquals("10000 0 10000", account(eve.id()), "nothing is held without the code");
        String challenge = Http.json(asked).getString("challenge_id");
        String code = MailCatcher.nextCode(eve.email(), before);
        assertTrue(codeMail(eve.email(), before).text().contains(code + " approves withdrawing 20.00 EUR to Eve Example, DE •••• 3000"),
                codeMail(eve.email(), before).text());

        HttpResponse<String> otherAccount = payout(eve.bearer(), key(), "20.00", GB_IBAN, "Eve Example", challenge, code);
        assertEquals(422, otherAccount.statusCode(), otherAccount.body());
        assertEquals("step_up_mismatch", Http.json(otherAccount).getString("code"));
        HttpResponse<String> otherAmount = payout(eve.bearer(), key(), "90.00", DE_IBAN, "Eve Example", challenge, code);
        assertEquals("step_up_mismatch", Http.json(otherAmount).getString("code"), otherAmount.body());
        assertEquals("10000 0 10000", account(eve.id()));

        HttpResponse<String> paid = payout(eve.bearer(), key, "20.00", DE_IBAN, "Eve Example", challenge, code);
        assertEquals(201, paid.statusCode(), paid.body());
        assertEquals("10000 2000 8000", account(eve.id()));
        HttpResponse<String> replay = payout(eve.bearer(), key, "20.00", DE_IBAN, "Eve Example", null, null);
        assertEquals(201, replay.statusCode(), "a replay needs no new code: " + replay.body());
        assertEquals(Http.json(paid).getString("id"), Http.json(replay).getString("id"));
    }

    @Test
    @Order(4)
    @DisplayName("a merchant key's payout to a bank account the owner did not approve is refused; the owner approves one on the dashboard with a code; the security page says why")
    void merchantKeyPaysOutOnlyToApprovedAccounts() throws Exception {
        Person owner = person("en");
        JsonObject merchant = Http.json(http.post("/api/v1/test-merchant/approved/" + owner.id()
                + "?name=Step%20Shop&currency=EUR", ""));
        String merchantId = merchant.getString("merchant_id");
        String shopBearer = "Bearer " + merchant.getString("access_token");
        fund(merchantId, "EUR", "500.00");

        HttpResponse<String> unconfirmed = payout(shopBearer, key(), "50.00", DE_IBAN, "Step Shop GmbH", null, null);
        assertEquals(403, unconfirmed.statusCode(), unconfirmed.body());
        assertEquals("payout_iban_unconfirmed", Http.json(unconfirmed).getString("code"));
        HttpResponse<String> withGuess = payout(shopBearer, key(), "50.00", DE_IBAN, "Step Shop GmbH", "chl_x", "123456");
        assertEquals("payout_iban_unconfirmed", Http.json(withGuess).getString("code"), "a key cannot answer a code");
        assertEquals("50000 0 50000", account(merchantId));

        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, owner.email());
            browser.get(url("/merchant/payouts.xhtml?lang=en"));
            waitFor(browser, "payout:iban");
            type(browser, "payout:amount", "40.00");
            new Select(browser.findElement(By.id("payout:currency"))).selectByValue("EUR");
            type(browser, "payout:iban", DE_IBAN);
            type(browser, "payout:account_holder", "Step Shop GmbH");
            int before = MailCatcher.codeMails(owner.email());
            click(browser, "payout:continue");
            waitFor(browser, "confirm:submit");
            String code = MailCatcher.nextCode(owner.email(), before);
            assertTrue(codeMail(owner.email(), before).text().contains("withdrawing 40.00 EUR to Step Shop GmbH, DE •••• 3000"),
                    codeMail(owner.email(), before).text());
            assertEquals("50000 0 50000", account(merchantId), "nothing is held before the code");
            type(browser, "confirm:code", code);
            click(browser, "confirm:submit");
            waitFor(browser, "reference");
            assertEquals("50000 4000 46000", account(merchantId));

            browser.get(url("/identity/security.xhtml?lang=en"));
            waitFor(browser, "code-reasons");
            String reasons = browser.findElement(By.id("code-reasons")).getText();
            assertTrue(reasons.contains("Withdrawal") && reasons.contains("the first withdrawal to this bank account")
                    && reasons.contains("€40.00"), reasons);
            browser.get(url("/identity/security.xhtml?lang=zh-CN"));
            waitFor(browser, "code-reasons");
            assertTrue(browser.findElement(By.id("code-reasons")).getText().contains("首次提现到该银行账户"), text(browser));
        } finally {
            browser.quit();
        }

        HttpResponse<String> confirmed = payout(shopBearer, key(), "50.00", "de89370400440532013000", "Step Shop GmbH", null, null);
        assertEquals(201, confirmed.statusCode(), "the approved account, as typed differently: " + confirmed.body());
        assertEquals("50000 9000 41000", account(merchantId));
        HttpResponse<String> other = payout(shopBearer, key(), "50.00", GB_IBAN, "Step Shop GmbH", null, null);
        assertEquals("payout_iban_unconfirmed", Http.json(other).getString("code"), other.body());
    }

    @Test
    @Order(5)
    @DisplayName("a conversion above the threshold is quoted only with a code bound to its amount and currencies; at the threshold none is asked")
    void largeConversionAsksACode() {
        Person kim = person("en");
        HttpResponse<String> atThreshold = quote(kim, "1000.00", null, null);
        assertEquals(201, atThreshold.statusCode(), atThreshold.body());
        int before = MailCatcher.codeMails(kim.email());
        HttpResponse<String> asked = quote(kim, "1500.00", null, null);
        assertEquals(403, asked.statusCode(), asked.body());
        assertEquals("step_up_required", Http.json(asked).getString("code"));
        String challenge = Http.json(asked).getString("challenge_id");
        String code = MailCatcher.nextCode(kim.email(), before);
        assertTrue(codeMail(kim.email(), before).text().contains(code + " approves converting 1500.00 USD (USD → EUR)"),
                codeMail(kim.email(), before).text());
        HttpResponse<String> other = quote(kim, "1600.00", challenge, code);
        assertEquals(422, other.statusCode(), other.body());
        assertEquals("step_up_mismatch", Http.json(other).getString("code"));
        HttpResponse<String> quoted = quote(kim, "1500.00", challenge, code);
        assertEquals(201, quoted.statusCode(), quoted.body());
        assertEquals("1500.00", Http.json(quoted).getString("sell_amount"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    HttpResponse<String> send(Person from, String key, String to, String amount, String currency, String challenge, String code) {
        String answer = challenge == null ? "" : ",\"challenge_id\":\"%s\",\"code\":\"%s\"".formatted(challenge, code);
        return http.post("/api/v1/transfers", "{\"to\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\"%s}"
                .formatted(to, amount, currency, answer), "Authorization", from.bearer(), "Idempotency-Key", key);
    }

    HttpResponse<String> payout(String bearer, String key, String amount, String iban, String holder, String challenge,
                                String code) {
        String answer = challenge == null ? "" : ",\"challenge_id\":\"%s\",\"code\":\"%s\"".formatted(challenge, code);
        return http.post("/api/v1/payouts", "{\"amount\":\"%s\",\"currency\":\"EUR\",\"iban\":\"%s\",\"account_holder\":\"%s\"%s}"
                .formatted(amount, iban, holder, answer), "Authorization", bearer, "Idempotency-Key", key);
    }

    HttpResponse<String> quote(Person person, String sellUsd, String challenge, String code) {
        String answer = challenge == null ? "" : ",\"challenge_id\":\"%s\",\"code\":\"%s\"".formatted(challenge, code);
        return http.post("/api/v1/fx/quotes", "{\"sell_currency\":\"USD\",\"buy_currency\":\"EUR\",\"sell_amount\":\"%s\"%s}"
                .formatted(sellUsd, answer), "Authorization", person.bearer());
    }

    /** The one-time-code e-mail number {@code index} of the address (it has arrived: {@code nextCode} waited for it). */
    static MailCatcher.Received codeMail(String address, int index) {
        return MailCatcher.inbox(address).stream()
                .filter(m -> m.subject().matches(".*(Your OKPay code|OKPay 验证码).*\\d{6}$")).toList().get(index);
    }

    String transfersOf(Person person) {
        return Integer.toString(Http.json(http.get("/api/v1/transfers", "Authorization", person.bearer()))
                .getJsonArray("data").size());
    }

    String account(String owner) {
        HttpResponse<String> read = http.get("/api/v1/test-payout/account?owner=" + owner + "&currency=EUR");
        assertEquals(200, read.statusCode(), read.body());
        return read.body().strip();
    }

    String url(String path) {
        return TestServer.base().toString().replaceAll("/$", "") + path;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
