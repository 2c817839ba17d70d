package io.okpay.it;

import jakarta.json.JsonObject;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The people and operators of the black-box tests, made through the API as a person makes themselves: sign up, follow
 * the e-mailed verification link, sign in for a token (with the code e-mailed for the sign-in, as every sign-in asks). Every one is new (a unique address and name), so a test asserts
 * on its own people only. A test that checks one of these steps itself (the sign-up answer, a sign-in) makes that
 * request on its own.
 */
public final class People {

    /** The password of everyone made here: strong enough for the sign-up rules. */
    public static final String PASSWORD = "violet kettle harbour 42";

    /** A person as the tests know them: {@code token} is a USER's access token, or an operator's. */
    public record Person(String id, String email, String username, String token, String locale) {

        public String bearer() {
            return "Bearer " + token;
        }
    }

    private static final Http HTTP = new Http(TestServer.base());

    private People() {
    }

    /** A verified person who speaks English, with a token. */
    public static Person person() {
        return person("en");
    }

    /** A verified person who speaks this language (en, zh-CN), with a token. */
    public static Person person(String locale) {
        return signUp(null, locale, true);
    }

    /** A person who has not followed the verification link, with a token. */
    public static Person unverified() {
        return signUp(null, "en", false);
    }

    /**
     * Signs up (a new address when {@code email} is null), follows the verification link when asked to (before any
     * other mail can arrive), then signs in for a token.
     */
    public static Person signUp(String email, String locale, boolean verify) {
        String username = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String address = email == null ? username + "@example.com" : email;
        String id = register(address, username, locale);
        if (verify) {
            verify(address, locale);
        }
        return new Person(id, address, username, token(address), locale);
    }

    /** Only the sign-up request, answered 201; the new person's id. */
    public static String register(String email, String username, String locale) {
        HttpResponse<String> created = HTTP.post("/api/v1/users", """
                {"email":"%s","username":"%s","password":"%s","locale":"%s"}""".formatted(email, username, PASSWORD, locale));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("id");
    }

    /** Follows the link of the verification e-mail, which comes in the person's language. */
    public static void verify(String email, String locale) {
        String link = MailCatcher.link(MailCatcher.await(email, locale.startsWith("zh") ? "验证" : "Confirm your e-mail address"),
                "/identity/verify.xhtml");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        HttpResponse<String> verified = HTTP.post("/api/v1/users/verification", "{\"token\":\"" + token + "\"}");
        assertEquals(204, verified.statusCode(), verified.body());
    }

    /**
     * A person's access token (a USER's, or an operator's) from a sign-in of its own: the password, then the code that
     * every sign-in asks for, read from the e-mail it came in. The tests' one way to sign in through the API.
     */
    public static String token(String email) {
        return signIn(email, null).getString("access_token");
    }

    /**
     * The token answer of a sign-in of its own (access_token, refresh_token, and device_token when the person asks
     * for codes only on a new device), completing the code step when one is asked; {@code deviceToken} is sent back
     * when not null (then no code is asked on that remembered device); {@code headers} (name, value, ...) go with each
     * step, as a browser's User-Agent would.
     */
    public static JsonObject signIn(String email, String deviceToken, String... headers) {
        int before = MailCatcher.codeMails(email);
        String device = deviceToken == null ? "" : ",\"device_token\":\"" + deviceToken + "\"";
        HttpResponse<String> granted = HTTP.post("/api/v1/auth/token", """
                {"grant_type":"password","email":"%s","password":"%s"%s}""".formatted(email, PASSWORD, device), headers);
        if (granted.statusCode() == 401 && "code_required".equals(Http.json(granted).getString("code", ""))) {
            JsonObject challenge = Http.json(granted);
            granted = HTTP.post("/api/v1/auth/token", """
                    {"grant_type":"one_time_code","sign_in_id":"%s","challenge_id":"%s","code":"%s"}""".formatted(
                    challenge.getString("sign_in_id"), challenge.getString("challenge_id"),
                    MailCatcher.nextCode(email, before)), headers);
        }
        assertEquals(200, granted.statusCode(), granted.body());
        return Http.json(granted);
    }

    /**
     * Switches the person to codes only on a new device, approved by a step-up code e-mailed to them as the security
     * page asks for one: their next sign-in's code makes that device a remembered one.
     */
    public static void askCodesOnNewDevice(Person person) {
        int before = MailCatcher.codeMails(person.email());
        HttpResponse<String> stepUp = HTTP.post("/api/v1/me/step-up", "{\"action\":\"change-second-factor\"}",
                "Authorization", person.bearer());
        assertEquals(201, stepUp.statusCode(), stepUp.body());
        HttpResponse<String> chosen = HTTP.send(HttpRequest.newBuilder(HTTP.uri("/api/v1/me/sign-in-codes"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"ask":"new_device","challenge_id":"%s","code":"%s"}""".formatted(
                        Http.json(stepUp).getString("challenge_id"), MailCatcher.nextCode(person.email(), before)))),
                "Authorization", person.bearer());
        assertEquals(200, chosen.statusCode(), chosen.body());
    }

    /**
     * A verified person given these roles (SUPPORT, FINANCE, COMPLIANCE, ADMIN), holding an operator's token: operators always
     * sign in with a second factor, here the code e-mailed to them.
     */
    public static Person operator(String... roles) {
        Person person = person();
        for (String role : roles) {
            assertEquals("1", HTTP.post("/api/v1/test-identity/grant/" + person.id() + "/" + role, "").body());
        }
        return new Person(person.id(), person.email(), person.username(), token(person.email()), person.locale());
    }

    /**
     * Puts money in the person's wallet, posted from the house's capital as a top-up (a test-only resource: no card,
     * no fee); the id of that transaction.
     */
    public static String fund(Person person, String currency, String amount) {
        return fund(person.id(), currency, amount);
    }

    /** As {@link #fund(Person, String, String)}, into a person's wallet (usr_...) or a merchant's account (mch_...). */
    public static String fund(String owner, String currency, String amount) {
        HttpResponse<String> funded = HTTP.post("/api/v1/test-ledger/fund/" + owner + "/" + currency + "/" + amount, "");
        assertEquals(200, funded.statusCode(), funded.body());
        return funded.body();
    }
}
