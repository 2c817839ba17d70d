package io.okpay.identity;

import io.okpay.it.Deployments;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity and access through the API, black box: sign-up, verification, password reset, tokens and their attacks. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityApiIT {

    static final String PASSWORD = "violet kettle harbour 42";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.okpay();
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 8);
    }

    String signUp(String email, String username, String locale) {
        HttpResponse<String> created = http.post("/api/v1/users", """
                {"email":"%s","username":"%s","password":"%s","locale":"%s"}""".formatted(email, username, PASSWORD, locale));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("id");
    }

    static String token(String link) {
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
        String token = token(MailCatcher.link(mail, "/identity/verify.xhtml"));

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

        signUp(name + "@example.com", name, "en");
        HttpResponse<String> taken = http.post("/api/v1/users", """
                {"email":"%s@example.com","username":"%s","password":"%s"}""".formatted(name, name, PASSWORD));
        assertTrue(taken.body().contains("email_taken") && taken.body().contains("username_taken"), taken.body());
    }

    @Test
    @DisplayName("password reset: 202 with the same answer for known and unknown addresses; the link works once")
    void passwordReset() {
        String name = unique("cat");
        String email = name + "@example.com";
        signUp(email, name, "en");

        HttpResponse<String> known = http.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
        HttpResponse<String> unknown = http.post("/api/v1/auth/password-reset", "{\"email\":\"nobody-" + email + "\"}");
        assertEquals(202, known.statusCode());
        assertEquals(202, unknown.statusCode());
        assertEquals(known.body(), unknown.body());

        String token = token(MailCatcher.link(MailCatcher.await(email, "Reset"), "/identity/reset.xhtml"));
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
}
