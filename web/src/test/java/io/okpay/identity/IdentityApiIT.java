package io.okpay.identity;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity and access through the API, black box: sign-up, verification, password reset, tokens and their attacks. */
// Its tests share nothing but the server: they run side by side too.
@Execution(ExecutionMode.CONCURRENT)
class IdentityApiIT {

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 8);
    }

    static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    @Test
    @DisplayName("sign-up answers 201 with a usr_ id, e-mails a verification link that works once")
    void signUpAndVerify() {
        String name = unique("ann");
        String email = name + "@example.com";
        HttpResponse<String> created = http.post("/api/v1/users", """
                {"email":"%s","username":"%s","password":"%s","locale":"zh-CN"}""".formatted(email.toUpperCase(), name, PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject account = Http.json(created);
        assertTrue(account.getString("id").startsWith("usr_"), created.body());
        assertEquals(email, account.getString("email"), "addresses are kept lower-case");
        assertFalse(account.getBoolean("email_verified"));
        assertFalse(created.body().contains("password"), "no hash or password in the answer");

        MailCatcher.Received mail = MailCatcher.await(email, "OKPay");
        assertTrue(mail.subject().contains("验证"), "the e-mail speaks the chosen language: " + mail.subject());
        String token = tokenOf(MailCatcher.link(mail, "/identity/verify.xhtml"));

        assertEquals(204, http.post("/api/v1/users/verification", "{\"token\":\"" + token + "\"}").statusCode());
        HttpResponse<String> again = http.post("/api/v1/users/verification", "{\"token\":\"" + token + "\"}");
        assertEquals(422, again.statusCode());
        assertEquals("verification_link_invalid", Http.json(again).getString("code"));
        assertEquals(422, http.post("/api/v1/users/verification", "{\"token\":\"forged\"}").statusCode());
    }

    @Test
    @DisplayName("sign-up refuses short, common and self-naming passwords, bad addresses and taken names, field by field")
    void signUpRules() {
        String name = unique("bob");
        HttpResponse<String> refused = http.post("/api/v1/users", """
                {"email":"not-an-address","username":"%s","password":"short"}""".formatted(name));
        assertEquals(400, refused.statusCode(), refused.body());
        String body = refused.body();
        assertTrue(body.contains("\"field\":\"email\"") && body.contains("email_invalid"), body);
        assertTrue(body.contains("password_too_short"), body);

        assertTrue(http.post("/api/v1/users", """
                {"email":"%s@example.com","username":"%s","password":"qwertyuiop123"}""".formatted(name, name))
                .body().contains("password_common"));
        assertTrue(http.post("/api/v1/users", """
                {"email":"%s@example.com","username":"%s","password":"I am %s, hello!"}""".formatted(name, name, name))
                .body().contains("password_contains_identity"));

        JsonObject weak = Http.json(http.post("/api/v1/users/password-strength",
                "{\"password\":\"password1234\",\"username\":\"%s\"}".formatted(name)));
        assertFalse(weak.getBoolean("acceptable"));
        assertTrue(weak.getInt("score") <= 1, weak.toString());
        JsonObject strong = Http.json(http.post("/api/v1/users/password-strength",
                "{\"password\":\"%s\",\"username\":\"%s\"}".formatted(PASSWORD, name)));
        assertTrue(strong.getBoolean("acceptable") && strong.getInt("score") >= 3, strong.toString());

        register(name + "@example.com", name, "en");
        HttpResponse<String> taken = http.post("/api/v1/users", """
                {"email":"%s@example.com","username":"%s","password":"%s"}""".formatted(name, name, PASSWORD));
        assertEquals(400, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("username_taken"), "usernames are public handles: " + taken.body());
        assertFalse(taken.body().contains("email_taken"), "whether an address has an account is nobody's business: " + taken.body());
    }

    static String signUpJson(String email, String username, String password, String locale) {
        return """
                {"email":"%s","username":"%s","password":"%s","locale":"%s"}""".formatted(email, username, password, locale);
    }

    @Test
    @DisplayName("sign-up with a taken address answers as for a new one, mails the owner (in their language), and is throttled per address")
    void signUpDoesNotRevealAccounts() {
        String owner = unique("zoe");
        String email = owner + "@example.com";
        String ownerId = register(email, owner, "zh-CN");
        String password = "风筝 été kettle 长城 42";

        String fresh = unique("yan");
        HttpResponse<String> forNew = http.post("/api/v1/users", signUpJson(fresh + "@example.com", fresh, password, "zh-CN"));
        String other = unique("xia");
        HttpResponse<String> forTaken = http.post("/api/v1/users", signUpJson(email.toUpperCase(), other, password, "zh-CN"));
        assertEquals(201, forNew.statusCode(), forNew.body());
        assertEquals(201, forTaken.statusCode(), "the same answer as for a new address: " + forTaken.body());
        JsonObject a = Http.json(forNew);
        JsonObject b = Http.json(forTaken);
        assertEquals(a.keySet(), b.keySet());
        assertEquals(forNew.headers().firstValue("Location"), forTaken.headers().firstValue("Location"));
        assertTrue(b.getString("id").startsWith("usr_") && !b.getString("id").equals(ownerId), forTaken.body());
        assertEquals(email, b.getString("email"));
        assertEquals(other, b.getString("username"));
        assertFalse(b.getBoolean("email_verified"));

        MailCatcher.Received notice = MailCatcher.await(email, "有人尝试用您的邮箱注册");
        assertTrue(notice.text().contains(owner) && notice.text().contains("/identity/forgot.xhtml"), notice.text());
        assertFalse(notice.text().contains(other), "the notice does not pass on what the stranger typed");
        assertEquals(401, passwordGrant(email, password).statusCode(), "the stranger's password opens nothing");
        assertEquals("code_required", Http.json(passwordGrant(email, PASSWORD)).getString("code"),
                "the owner's account is untouched: the password is right, the code comes next");

        // Each attempt mails the owner: the third sign-up with the address is the last one for now.
        assertEquals(201, http.post("/api/v1/users", signUpJson(email, unique("wu"), password, "en")).statusCode());
        HttpResponse<String> throttled = http.post("/api/v1/users", signUpJson(email, unique("wu"), password, "en"));
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertEquals("sign_up_throttled", Http.json(throttled).getString("code"));
        assertTrue(throttled.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()) >= 1, throttled.headers().map().toString());
    }

    @Test
    @DisplayName("after delivery, reset links, verification links and codes are blanked in the outbox; the record stays")
    void secretsLeaveTheOutbox() {
        String name = unique("ola");
        String email = name + "@example.com";
        register(email, name, "zh-CN");
        String verification = tokenOf(MailCatcher.link(MailCatcher.await(email, "验证"), "/identity/verify.xhtml"));
        assertEquals(202, http.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").statusCode());
        String reset = tokenOf(MailCatcher.link(MailCatcher.await(email, "重设"), "/identity/reset.xhtml"));
        String access = accessToken(email);
        int before = codeMails(email);
        assertEquals(201, http.post("/api/v1/me/step-up", "{\"action\":\"change-password\"}", "Authorization", "Bearer " + access)
                .statusCode());
        String code = nextCode(email, before);

        for (String[] sent : new String[][]{{"verify-email", verification}, {"password-reset", reset}, {"code", "\"" + code + "\""}}) {
            String rows = "";
            for (int i = 0; i < 50; i++) {
                rows = http.get("/api/v1/test-identity/outbox/" + sent[0] + "/" + email).body();
                if (rows.startsWith("DELIVERED") && !rows.contains(sent[1])) {
                    break;
                }
                sleep(0.1);
            }
            assertTrue(rows.startsWith("DELIVERED"), "the record of the mail stays: " + rows);
            assertTrue(rows.contains("\"to\":\"" + email + "\"") && rows.contains("\"locale\":\"zh-CN\""), rows);
            assertFalse(rows.contains(sent[1]), sent[0] + " still readable in the outbox: " + rows);
        }
        assertEquals(204, http.post("/api/v1/users/verification", "{\"token\":\"" + verification + "\"}").statusCode(),
                "the link itself still works: only the copy is gone");
    }

    @Test
    @DisplayName("password reset: 202 with the same answer for known and unknown addresses; the link works once")
    void passwordReset() {
        String name = unique("cat");
        String email = name + "@example.com";
        register(email, name, "en");

        HttpResponse<String> known = http.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
        HttpResponse<String> unknown = http.post("/api/v1/auth/password-reset", "{\"email\":\"nobody-" + email + "\"}");
        assertEquals(202, known.statusCode());
        assertEquals(202, unknown.statusCode());
        assertEquals(known.body(), unknown.body());

        String token = tokenOf(MailCatcher.link(MailCatcher.await(email, "Reset"), "/identity/reset.xhtml"));
        HttpResponse<String> weak = http.post("/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"password1234\"}");
        assertEquals(400, weak.statusCode(), "a refused password does not use the link up");
        assertEquals(204, http.post("/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"a brand new passphrase 7\"}").statusCode());
        HttpResponse<String> reused = http.post("/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"another new passphrase 8\"}");
        assertEquals(422, reused.statusCode());
        assertEquals("reset_link_invalid", Http.json(reused).getString("code"));
        assertTrue(MailCatcher.await(email, "password was changed").text().contains(name));
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    HttpResponse<String> token(String json) {
        HttpResponse<String> response = http.post("/api/v1/auth/token", json);
        if (response.statusCode() == 429) {
            // Earlier wrong codes from this test's IP slowed sign-ins down: wait as told, then go on.
            sleep(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
            response = http.post("/api/v1/auth/token", json);
        }
        return response;
    }

    HttpResponse<String> passwordGrant(String email, String password) {
        return token("{\"grant_type\":\"password\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
    }

    HttpResponse<String> codeGrant(JsonObject required, String code) {
        return token("{\"grant_type\":\"one_time_code\",\"sign_in_id\":\"%s\",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                .formatted(required.getString("sign_in_id"), required.getString("challenge_id"), code));
    }

    /** A token through the tests' one sign-in (the password, then the e-mailed code every sign-in asks for). */
    String accessToken(String email) {
        return People.token(email);
    }

    HttpResponse<String> me(String accessToken) {
        return http.get("/api/v1/me", "Authorization", "Bearer " + accessToken);
    }

    static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String otherCode(String code) {
        return code.equals("123456") ? "654321" : "123456";
    }

    @Test
    @DisplayName("a password gives an RS256 access token for /me and a refresh token; the JWKS publishes the key by kid")
    void tokens() throws Exception {
        String name = unique("eve");
        String email = name + "@example.com";
        String id = register(email, name, "en");

        // A new account gets a code by e-mail at every sign-in: the challenge first, never cached, then the tokens.
        int before = codeMails(email);
        HttpResponse<String> required = passwordGrant(email, PASSWORD);
        assertEquals(401, required.statusCode(), required.body());
        assertEquals("code_required", Http.json(required).getString("code"));
        assertEquals("no-store", required.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> granted = codeGrant(Http.json(required), nextCode(email, before));
        assertEquals(200, granted.statusCode(), granted.body());
        assertEquals("no-store", granted.headers().firstValue("Cache-Control").orElseThrow());
        assertFalse(Http.json(granted).containsKey("device_token"), "no device is remembered unless asked: " + granted.body());
        JsonObject tokens = Http.json(granted);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(900, tokens.getInt("expires_in"));
        SignedJWT jwt = SignedJWT.parse(tokens.getString("access_token"));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(id, jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of("USER"), jwt.getJWTClaimsSet().getStringListClaim("groups"));
        assertEquals(List.of("okpay-api"), jwt.getJWTClaimsSet().getAudience(), "the API's audience");

        JWKSet jwks = JWKSet.parse(http.get("/.well-known/jwks.json").body());
        RSAKey published = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(published != null && !published.isPrivate(), "the signing key is published, public part only");
        assertTrue(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(published)));

        HttpResponse<String> me = me(tokens.getString("access_token"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(id, Http.json(me).getString("id"));
        assertEquals(401, http.get("/api/v1/me").statusCode(), "no token");
    }

    @Test
    @DisplayName("alg none, another key, expired, wrong issuer and HS256-with-the-public-key tokens are all 401")
    void forgedTokens() throws Exception {
        String name = unique("fay");
        String id = register(name + "@example.com", name, "en");
        SignedJWT real = SignedJWT.parse(accessToken(name + "@example.com"));
        JWTClaimsSet claims = real.getJWTClaimsSet();
        String kid = real.getHeader().getKeyID();

        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        assertEquals(401, me(none).statusCode(), "alg none");
        assertEquals(401, me("not-a-jwt").statusCode(), "not a token at all");

        SignedJWT otherKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        otherKey.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID(kid).generate()));
        assertEquals(401, me(otherKey.serialize()).statusCode(), "signed by another key");
        // The token check refuses before the API runs; the answer is still the API's problem+json, localized.
        HttpResponse<String> refused = http.get("/api/v1/me", "Authorization", "Bearer " + otherKey.serialize(),
                "Accept-Language", "zh-CN");
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                refused.headers().map() + " " + refused.body());
        assertEquals("unauthorized", Http.json(refused).getString("code"), refused.body());
        assertEquals("请先登录，或提供有效的访问令牌。", Http.json(refused).getString("detail"));

        RSAKey published = (RSAKey) JWKSet.parse(http.get("/.well-known/jwks.json").body()).getKeyByKeyId(kid);
        byte[] publicKey = published.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey)
                + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(publicKey, pem.getBytes(StandardCharsets.US_ASCII), published.toJSONString().getBytes(StandardCharsets.UTF_8))) {
            SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
            confused.sign(new MACSigner(secret));
            assertEquals(401, me(confused.serialize()).statusCode(), "HS256 keyed with the public key");
        }

        String expired = http.post("/api/v1/test-identity/token/" + id + "?ageSeconds=3600", "").body();
        assertEquals(401, me(expired).statusCode(), "expired");
        String fresh = http.post("/api/v1/test-identity/token/" + id + "?ageSeconds=0", "").body();
        assertEquals(200, me(fresh).statusCode(), "the same forge with right claims is accepted: the refusals above are real");
        String otherIssuer = http.post("/api/v1/test-identity/token/" + id + "?issuer=https://evil.example&ageSeconds=0", "").body();
        assertEquals(401, me(otherIssuer).statusCode(), "wrong issuer");

        SignedJWT tampered = SignedJWT.parse(real.serialize());
        String[] parts = real.serialize().split("\\.");
        String otherSubject = b64.encodeToString(new JWTClaimsSet.Builder(claims).subject("usr_someoneelse")
                .claim("groups", List.of("ADMIN")).expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .build().toString().getBytes(StandardCharsets.UTF_8));
        assertNotEquals(parts[1], otherSubject);
        assertEquals(401, me(parts[0] + "." + otherSubject + "." + parts[2]).statusCode(), "claims changed after signing");
        assertEquals(200, me(tampered.serialize()).statusCode());
    }

    @Test
    @DisplayName("a token with OKPay's key and issuer but without the API's audience, or with another, is 401 problem+json")
    void audience() {
        String name = unique("aud");
        String id = register(name + "@example.com", name, "en");
        for (String audience : List.of("-", "okpay-admin-console", "https://evil.example")) {
            String token = http.post("/api/v1/test-identity/token/" + id + "?ageSeconds=0&audience=" + audience, "").body();
            HttpResponse<String> refused = me(token);
            assertEquals(401, refused.statusCode(), audience + ": " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    refused.headers().map().toString());
            assertEquals("unauthorized", Http.json(refused).getString("code"), refused.body());
        }
        String right = http.post("/api/v1/test-identity/token/" + id + "?ageSeconds=0&audience=okpay-api", "").body();
        assertEquals(200, me(right).statusCode(), "the same token with the API's audience is accepted");
    }

    @Test
    @DisplayName("signing keys: a key another instance stored is published here within a refresh; instances rotating together make one key, published before it signs")
    void signingKeysShared() throws Exception {
        String name = unique("kay");
        String email = name + "@example.com";
        register(email, name, "en");

        String other = http.post("/api/v1/test-identity/key-from-another-instance", "").body();
        long deadline = System.currentTimeMillis() + 20_000;
        while (JWKSet.parse(http.get("/.well-known/jwks.json").body()).getKeyByKeyId(other) == null) {
            assertTrue(System.currentTimeMillis() < deadline, "the other instance's key never got published here");
            Thread.sleep(500);
        }

        HttpResponse<String> rotated = http.post("/api/v1/test-identity/rotate-together/4", "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        List<String> made = rotated.body().lines().toList();
        assertEquals(1, made.size(), "four instances noticing the rotation at once make one key: " + made);
        JWKSet published = JWKSet.parse(http.get("/.well-known/jwks.json").body());
        assertTrue(published.getKeyByKeyId(made.get(0)) != null, "the new key is published at once");

        SignedJWT token = SignedJWT.parse(accessToken(email));
        assertNotEquals(made.get(0), token.getHeader().getKeyID(), "the new key does not sign before every instance has it");
        assertTrue(published.getKeyByKeyId(token.getHeader().getKeyID()) != null, "the signing key stays published");
        assertEquals(200, me(token.serialize()).statusCode());
    }

    @Test
    @DisplayName("a USER token on an operator endpoint is 403; operators sign in with a code and get in")
    void roles() {
        String name = unique("gus");
        String email = name + "@example.com";
        String id = register(email, name, "en");
        HttpResponse<String> forbidden = http.get("/api/v1/users/" + id, "Authorization", "Bearer " + accessToken(email));
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertEquals("forbidden", Http.json(forbidden).getString("code"));

        assertEquals("1", http.post("/api/v1/test-identity/grant/" + id + "/ADMIN", "").body());
        int before = codeMails(email);
        HttpResponse<String> required = passwordGrant(email, PASSWORD);
        assertEquals(401, required.statusCode(), "operators always need a second factor: " + required.body());
        assertEquals("code_required", Http.json(required).getString("code"));
        HttpResponse<String> granted = codeGrant(Http.json(required), nextCode(email, before));
        assertEquals(200, granted.statusCode(), granted.body());
        String adminToken = Http.json(granted).getString("access_token");
        HttpResponse<String> allowed = http.get("/api/v1/users/" + id, "Authorization", "Bearer " + adminToken);
        assertEquals(200, allowed.statusCode(), allowed.body());

        // The audit log recorded all of this, its chain is intact, and it cannot be rewritten.
        HttpResponse<String> audit = http.get("/api/v1/audit/verification", "Authorization", "Bearer " + adminToken);
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(Http.json(audit).getBoolean("intact"), audit.body());
        assertTrue(Http.json(audit).getInt("records") >= 3, audit.body());
        assertEquals("refused", http.post("/api/v1/test-identity/tamper-audit", "").body());
        assertTrue(Http.json(http.get("/api/v1/audit/verification", "Authorization", "Bearer " + adminToken)).getBoolean("intact"));
    }

    @Test
    @DisplayName("refresh tokens rotate; reusing an old one revokes the whole family")
    void refreshRotation() {
        String name = unique("hal");
        String email = name + "@example.com";
        register(email, name, "en");
        String first = People.signIn(email, null).getString("refresh_token");

        HttpResponse<String> rotated = token("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + first + "\"}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        String second = Http.json(rotated).getString("refresh_token");
        assertNotEquals(first, second);
        assertEquals(200, me(Http.json(rotated).getString("access_token")).statusCode());

        HttpResponse<String> reused = token("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + first + "\"}");
        assertEquals(401, reused.statusCode());
        assertEquals("refresh_token_invalid", Http.json(reused).getString("code"));
        assertEquals(401, token("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + second + "\"}").statusCode(),
                "the family is revoked after a reuse");
    }

    @Test
    @DisplayName("one-time codes: a code of another challenge, a sixth try, a reused and an expired code are refused")
    void oneTimeCodes() {
        String name = unique("ida");
        String email = name + "@example.com";
        register(email, name, "en");
        String access = accessToken(email);

        int before = codeMails(email);
        HttpResponse<String> required = passwordGrant(email, PASSWORD);
        assertEquals(401, required.statusCode(), required.body());
        JsonObject a = Http.json(required);
        assertEquals("code_required", a.getString("code"));
        String codeA = nextCode(email, before);

        // A step-up challenge of the same person: its id and its code do not open the sign-in.
        before = codeMails(email);
        HttpResponse<String> stepUp = http.post("/api/v1/me/step-up", "{\"action\":\"change-password\"}",
                "Authorization", "Bearer " + access);
        assertEquals(201, stepUp.statusCode(), stepUp.body());
        String challengeB = Http.json(stepUp).getString("challenge_id");
        String codeB = nextCode(email, before);
        HttpResponse<String> otherChallenge = token("{\"grant_type\":\"one_time_code\",\"sign_in_id\":\"%s\",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                .formatted(a.getString("sign_in_id"), challengeB, codeB));
        assertEquals(401, otherChallenge.statusCode());
        assertEquals("code_expired", Http.json(otherChallenge).getString("code"));

        String wrong = codeB.equals(codeA) ? otherCode(codeA) : codeB;
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> refused = codeGrant(a, attempt == 1 ? wrong : otherCode(codeA));
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(attempt < 5 ? "code_invalid" : "code_attempts_exceeded", Http.json(refused).getString("code"));
        }
        HttpResponse<String> sixth = codeGrant(a, codeA);
        assertEquals(401, sixth.statusCode(), "the right code on the sixth try: " + sixth.body());
        assertEquals("code_attempts_exceeded", Http.json(sixth).getString("code"));

        before = codeMails(email);
        JsonObject c = Http.json(passwordGrant(email, PASSWORD));
        String codeC = nextCode(email, before);
        assertEquals(200, codeGrant(c, codeC).statusCode());
        HttpResponse<String> reused = codeGrant(c, codeC);
        assertEquals(401, reused.statusCode(), "a code works once: " + reused.body());

        before = codeMails(email);
        JsonObject d = Http.json(passwordGrant(email, PASSWORD));
        String codeD = nextCode(email, before);
        assertEquals("1", http.post("/api/v1/test-identity/expire-challenge/" + d.getString("challenge_id"), "").body());
        HttpResponse<String> expired = codeGrant(d, codeD);
        assertEquals(401, expired.statusCode());
        assertEquals("code_expired", Http.json(expired).getString("code"));
    }

    @Test
    @DisplayName("send the code again: not within 30 s (429, Retry-After); then a new code that works and the old one does not")
    void resendCodes() {
        String name = unique("ivo");
        String email = name + "@example.com";
        register(email, name, "en");
        String access = accessToken(email);

        int before = codeMails(email);
        JsonObject required = Http.json(passwordGrant(email, PASSWORD));
        String first = nextCode(email, before);
        String resendBody = "{\"sign_in_id\":\"%s\",\"challenge_id\":\"%s\"}"
                .formatted(required.getString("sign_in_id"), required.getString("challenge_id"));
        HttpResponse<String> tooSoon = http.post("/api/v1/auth/token/resend", resendBody);
        assertEquals(429, tooSoon.statusCode(), tooSoon.body());
        assertEquals("resend_too_soon", Http.json(tooSoon).getString("code"));
        long wait = Long.parseLong(tooSoon.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 30, "the seconds still to wait: " + wait);
        assertEquals(before + 1, codeMails(email), "no code was sent");

        assertNotEquals("0", http.post("/api/v1/test-identity/resend-allowed/" + email, "").body());
        assertEquals(204, http.post("/api/v1/auth/token/resend", resendBody).statusCode());
        String second = nextCode(email, before + 1);
        if (!second.equals(first)) {
            HttpResponse<String> old = codeGrant(required, first);
            assertEquals("code_invalid", Http.json(old).getString("code"), "only the newest code works: " + old.body());
        }
        assertEquals(200, codeGrant(required, second).statusCode());

        // A step-up (here a payment's kind, through /me/step-up): the same rules, by challenge id.
        before = codeMails(email);
        HttpResponse<String> stepUp = http.post("/api/v1/me/step-up", "{\"action\":\"change-password\"}",
                "Authorization", "Bearer " + access);
        String challenge = Http.json(stepUp).getString("challenge_id");
        nextCode(email, before);
        HttpResponse<String> again = http.post("/api/v1/me/step-up/" + challenge + "/resend", "", "Authorization", "Bearer " + access);
        assertEquals(429, again.statusCode(), again.body());
        assertTrue(again.headers().firstValue("Retry-After").isPresent());
        http.post("/api/v1/test-identity/resend-allowed/" + email, "");
        assertEquals(204, http.post("/api/v1/me/step-up/" + challenge + "/resend", "", "Authorization", "Bearer " + access).statusCode());
        nextCode(email, before + 1);
        HttpResponse<String> notYours = http.post("/api/v1/me/step-up/chl_unknown/resend", "", "Authorization", "Bearer " + access);
        assertEquals(422, notYours.statusCode(), notYours.body());
        assertEquals("code_expired", Http.json(notYours).getString("code"));
        for (int sent = 2; sent < 5; sent++) {
            http.post("/api/v1/test-identity/resend-allowed/" + email, "");
            assertEquals(204, http.post("/api/v1/me/step-up/" + challenge + "/resend", "", "Authorization", "Bearer " + access).statusCode());
        }
        http.post("/api/v1/test-identity/resend-allowed/" + email, "");
        HttpResponse<String> sixth = http.post("/api/v1/me/step-up/" + challenge + "/resend", "", "Authorization", "Bearer " + access);
        assertEquals(429, sixth.statusCode(), sixth.body());
        assertEquals("resend_limit", Http.json(sixth).getString("code"));
        assertTrue(Http.json(sixth).getString("detail").contains("5 codes"), sixth.body());
    }

    @Test
    @DisplayName("wrong passwords and unknown addresses get the same answer; repeated failures are throttled with Retry-After")
    void throttlingWithoutEnumeration() {
        String name = unique("jon");
        String email = name + "@example.com";
        register(email, name, "en");
        String wrong = "{\"grant_type\":\"password\",\"email\":\"%s\",\"password\":\"not the password\"}";

        HttpResponse<String> wrongPassword = http.post("/api/v1/auth/token", wrong.formatted(email));
        HttpResponse<String> unknownEmail = http.post("/api/v1/auth/token", wrong.formatted("nobody-" + email));
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownEmail.statusCode());
        for (String member : List.of("type", "title", "detail", "code")) {
            assertEquals(Http.json(wrongPassword).getString(member), Http.json(unknownEmail).getString(member), member);
        }
        assertEquals("sign_in_failed", Http.json(wrongPassword).getString("code"));

        for (int i = 2; i <= 5; i++) {
            assertEquals(401, http.post("/api/v1/auth/token", wrong.formatted(email)).statusCode(), "failure " + i);
        }
        HttpResponse<String> throttled = http.post("/api/v1/auth/token",
                "{\"grant_type\":\"password\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
        assertEquals(429, throttled.statusCode(), "even the right password waits: " + throttled.body());
        assertEquals("sign_in_throttled", Http.json(throttled).getString("code"));
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        sleep(retryAfter + 0.5);
        assertEquals("code_required", Http.json(passwordGrant(email, PASSWORD)).getString("code"),
                "the delay is short: no lock-out (the password is right, the code comes next)");
    }

    @Test
    @DisplayName("a burst of parallel wrong passwords: only the free tries are checked, the rest wait (429); a forged X-Forwarded-For changes nothing")
    void parallelGuesses() throws Exception {
        String name = unique("pia");
        String email = name + "@example.com";
        register(email, name, "en");
        String wrong = "{\"grant_type\":\"password\",\"email\":\"%s\",\"password\":\"não é a senha 密码\"}".formatted(email);
        long started = System.currentTimeMillis();
        List<HttpResponse<String>> answers = Race.run(16, i -> new Http(base).post("/api/v1/auth/token", wrong,
                "X-Forwarded-For", "198.51.100." + (i + 1)));
        long burst = System.currentTimeMillis() - started;
        int checked = 0;
        int waiting = 0;
        for (HttpResponse<String> response : answers) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.body());
            switch (response.statusCode()) {
                case 401 -> checked++;
                case 429, 503 -> waiting++;
                default -> throw new AssertionError(response.statusCode() + " " + response.body());
            }
        }
        // Five tries per account and address; the forged addresses are the same 127.0.0.1 to OKPay.
        assertTrue(checked <= Race.checkedAtMost(5, burst), checked + " of 16 parallel guesses were checked in " + burst + " ms");
        assertEquals(16, checked + waiting);
    }

    @Test
    @DisplayName("wrong codes count per account across sign-ins: once the budget is spent a new sign-in brings no new tries")
    void codeBudgetAcrossSignIns() {
        String name = unique("rui");
        String email = name + "@example.com";
        register(email, name, "en");
        assertNotEquals("0", http.post("/api/v1/test-identity/code-failures/" + email + "/9", "").body());

        int before = codeMails(email);
        JsonObject a = Http.json(passwordGrant(email, PASSWORD));
        String codeA = nextCode(email, before);
        HttpResponse<String> tenth = codeGrant(a, otherCode(codeA));
        assertEquals("code_invalid", Http.json(tenth).getString("code"), "the tenth wrong code this hour: " + tenth.body());

        before = codeMails(email);
        JsonObject b = Http.json(passwordGrant(email, PASSWORD));
        assertEquals("code_required", b.getString("code"), "the password is still checked: " + b);
        String codeB = nextCode(email, before);
        HttpResponse<String> spent = http.post("/api/v1/auth/token",
                "{\"grant_type\":\"one_time_code\",\"sign_in_id\":\"%s\",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                        .formatted(b.getString("sign_in_id"), b.getString("challenge_id"), codeB), "Accept-Language", "zh-CN");
        assertEquals(429, spent.statusCode(), "not even the right code of a new sign-in: " + spent.body());
        assertEquals("too_many_wrong_codes", Http.json(spent).getString("code"));
        long retryAfter = Long.parseLong(spent.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 3000 && retryAfter <= 3600, "the rest of the hour: " + retryAfter);
        assertTrue(Http.json(spent).getString("detail").contains("分钟"), spent.body());
    }

    @Test
    @DisplayName("guessing the current password on the security settings (API) is throttled like a sign-in")
    void currentPasswordThrottled() {
        String name = unique("sol");
        String email = name + "@example.com";
        register(email, name, "en");
        String access = accessToken(email);
        for (int guess = 1; guess <= 6; guess++) {
            HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/me/password"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(("{\"current_password\":\"猜一猜 guess é %d\","
                            + "\"new_password\":\"lantern 长城 copper 93\",\"challenge_id\":\"chl_none\",\"code\":\"000000\"}")
                            .formatted(guess))), "Authorization", "Bearer " + access);
            if (guess <= 5) {
                assertEquals(400, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("password_wrong"), answer.body());
            } else {
                assertEquals(429, answer.statusCode(), "the sixth guess waits: " + answer.body());
                assertEquals("sign_in_throttled", Http.json(answer).getString("code"));
                assertTrue(answer.headers().firstValue("Retry-After").isPresent());
            }
        }
    }

    // ---- authenticator app, recovery codes, SMS ---------------------------------------------------------------------

    /** A step-up code by e-mail for the change-second-factor action. */
    JsonObject approvalByMail(String email, String access) {
        int before = codeMails(email);
        HttpResponse<String> challenge = http.post("/api/v1/me/step-up", "{\"action\":\"change-second-factor\"}",
                "Authorization", "Bearer " + access);
        assertEquals(201, challenge.statusCode(), challenge.body());
        return jakarta.json.Json.createObjectBuilder().add("challenge_id", Http.json(challenge).getString("challenge_id"))
                .add("code", nextCode(email, before)).build();
    }

    @Test
    @DisplayName("authenticator app: enrolled with a step-up, codes sign in once per time step, recovery codes once each")
    void authenticatorApp() throws Exception {
        String name = unique("kim");
        String email = name + "@example.com";
        register(email, name, "en");
        String access = accessToken(email);

        HttpResponse<String> started = http.post("/api/v1/me/totp", approvalByMail(email, access).toString(),
                "Authorization", "Bearer " + access);
        assertEquals(201, started.statusCode(), started.body());
        String secret = Http.json(started).getString("secret");
        assertTrue(Http.json(started).getString("otpauth_uri").startsWith("otpauth://totp/OKPay:"), started.body());

        long step = AuthenticatorApp.currentStep();
        assertEquals(422, http.post("/api/v1/me/totp/confirmation", "{\"code\":\"" + otherCode(AuthenticatorApp.code(secret, step)) + "\"}",
                "Authorization", "Bearer " + access).statusCode(), "a wrong first code does not turn it on");
        HttpResponse<String> confirmed = http.post("/api/v1/me/totp/confirmation", "{\"code\":\"" + AuthenticatorApp.code(secret, step) + "\"}",
                "Authorization", "Bearer " + access);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        List<String> recovery = Http.json(confirmed).getJsonArray("recovery_codes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertEquals(10, recovery.size());
        assertEquals("totp", Http.json(me(access)).getString("second_factor"));

        int mails = codeMails(email);
        JsonObject a = Http.json(passwordGrant(email, PASSWORD));
        assertEquals("code_required", a.getString("code"));
        HttpResponse<String> replayed = codeGrant(a, AuthenticatorApp.code(secret, step));
        assertEquals(401, replayed.statusCode(), "the code of a step already used is refused: " + replayed.body());
        assertEquals(200, codeGrant(a, AuthenticatorApp.code(secret, step + 1)).statusCode(), "the next step's code (clock drift) works");
        assertEquals(mails, codeMails(email), "an authenticator-app challenge sends no e-mail");

        JsonObject b = Http.json(passwordGrant(email, PASSWORD));
        assertEquals(401, codeGrant(b, AuthenticatorApp.code(secret, step + 1)).statusCode(), "the same code twice is refused");
        assertEquals(200, codeGrant(b, recovery.get(0).toUpperCase()).statusCode(), "a recovery code signs in");
        JsonObject c = Http.json(passwordGrant(email, PASSWORD));
        assertEquals(401, codeGrant(c, recovery.get(0)).statusCode(), "a recovery code works once");
        assertEquals(200, codeGrant(c, recovery.get(1)).statusCode());
    }

    @Test
    @DisplayName("changing the e-mail address takes a step-up code, asks to verify the new one and tells the old one")
    void changeEmail() {
        String name = unique("max");
        String email = name + "@example.com";
        String newEmail = "new-" + email;
        register(email, name, "en");
        String access = accessToken(email);

        HttpResponse<String> unapproved = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/me/email"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"%s\",\"challenge_id\":\"chl_forged\",\"code\":\"123456\"}"
                        .formatted(newEmail))), "Authorization", "Bearer " + access);
        assertEquals(422, unapproved.statusCode(), unapproved.body());

        int before = codeMails(email);
        HttpResponse<String> stepUp = http.post("/api/v1/me/step-up", "{\"action\":\"change-email\"}", "Authorization", "Bearer " + access);
        String challenge = Http.json(stepUp).getString("challenge_id");
        String code = nextCode(email, before);
        HttpResponse<String> changed = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/me/email"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"%s\",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                        .formatted(newEmail, challenge, code))), "Authorization", "Bearer " + access);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(newEmail, Http.json(changed).getString("email"));
        assertFalse(Http.json(changed).getBoolean("email_verified"));
        assertTrue(MailCatcher.await(email, "e-mail address of your OKPay account was changed").text().contains(newEmail));
        String token = tokenOf(MailCatcher.link(MailCatcher.await(newEmail, "Confirm your e-mail"), "/identity/verify.xhtml"));
        assertEquals(204, http.post("/api/v1/users/verification", "{\"token\":\"" + token + "\"}").statusCode());
        assertTrue(People.token(newEmail).length() > 20, "signs in with the new address (its code goes there)");
    }

    @Test
    @DisplayName("SMS: a new number is confirmed by a code sent to it, then sign-in codes come by SMS (sandbox)")
    void smsCodes() {
        String name = unique("lee");
        String email = name + "@example.com";
        register(email, name, "en");
        String access = accessToken(email);
        String phone = "+4479" + (10_000_000 + new java.util.Random().nextInt(89_999_999));

        JsonObject approval = approvalByMail(email, access);
        HttpResponse<String> bad = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/me/phone"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"phone\":\"12345\",\"challenge_id\":\"x\",\"code\":\"1\"}")),
                "Authorization", "Bearer " + access);
        assertEquals(400, bad.statusCode(), bad.body());
        HttpResponse<String> started = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/me/phone"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"phone\":\"%s\",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                        .formatted(phone, approval.getString("challenge_id"), approval.getString("code")))),
                "Authorization", "Bearer " + access);
        assertEquals(202, started.statusCode(), started.body());
        String phoneChallenge = Http.json(started).getString("challenge_id");
        String smsCode = smsCode(phone, null);
        HttpResponse<String> confirmed = http.post("/api/v1/me/phone/confirmation",
                "{\"challenge_id\":\"%s\",\"code\":\"%s\"}".formatted(phoneChallenge, smsCode), "Authorization", "Bearer " + access);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("sms", Http.json(confirmed).getString("second_factor"));
        assertEquals(10, Http.json(confirmed).getJsonArray("recovery_codes").size(), "turning SMS on offers recovery codes");
        assertEquals("no-store", confirmed.headers().firstValue("Cache-Control").orElseThrow());

        JsonObject required = Http.json(passwordGrant(email, PASSWORD));
        assertEquals("code_required", required.getString("code"));
        assertEquals(200, codeGrant(required, smsCode(phone, smsCode)).statusCode());
    }

    /** The code of the newest SMS to the number, once it is not {@code previous} any more. */
    String smsCode(String phone, String previous) {
        for (int i = 0; i < 100; i++) {
            String text = http.get("/api/v1/test-identity/sms/" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8)).body();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(text);
            if (code.find() && !code.group(1).equals(previous)) {
                assertTrue(text.contains("OKPay"), text);
                return code.group(1);
            }
            sleep(0.3);
        }
        throw new AssertionError("no SMS to " + phone);
    }
}
