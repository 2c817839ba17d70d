package io.okpay.kyc;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.press;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static io.okpay.it.ProblemAssertions.assertFieldError;
import static io.okpay.it.ProblemAssertions.assertNotFound;
import static io.okpay.kyc.KycFiles.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity verification, black box: submitting (fields and files, checked by content, re-encoded, sealed at rest), who
 * may see what, compliance's decisions and the e-mails, screening lists and the hits that block approval, and the
 * whole walk in two browsers. Screening lists apply to everyone's submissions, so every name a test lists or submits
 * for screening is made of random letters.
 */
class KycIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    final Http http = new Http(TestServer.base());

    @Test
    @DisplayName("a submission: details and files sealed at rest, EXIF and GPS gone, thumbnails only for its person, documents for compliance only (audited)")
    void submitSealedAndStripped() throws IOException {
        Person wang = person("zh-CN");
        byte[] photo = KycFiles.jpegWithGps(640, 400);
        assertTrue(contains(photo, KycFiles.EXIF_MARKER.getBytes(StandardCharsets.US_ASCII)), "the test photo has its EXIF block");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(photo)), "and is a JPEG");
        byte[] pdf = KycFiles.pdf();
        HttpResponse<String> created = submit(wang, details("王小明", "1988-02-29", "E12345678"),
                files("front", photo, "back", pdf));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject verification = Http.json(created);
        String id = verification.getString("id");
        assertTrue(id.startsWith("kyc_"), id);
        assertEquals("pending", verification.getString("status"));
        assertEquals("submitted", verification.getJsonArray("history").getJsonObject(0).getString("action"));
        JsonObject front = verification.getJsonArray("documents").getJsonObject(0);
        JsonObject back = verification.getJsonArray("documents").getJsonObject(1);
        assertEquals("front", front.getString("kind"));
        assertEquals("image/jpeg", front.getString("content_type"));
        assertEquals("application/pdf", back.getString("content_type"));
        assertTrue(!back.containsKey("url") || back.isNull("url"), "no thumbnail of a PDF: " + back);
        assertFalse(created.body().contains("王小明") || created.body().contains("E12345678"),
                "the person's own answer repeats no personal details: " + created.body());

        // At rest: sealed details and files, with the key id beside them.
        JsonObject raw = Http.json(http.get("/api/v1/test-kyc/raw/" + id));
        assertEquals("v1", raw.getString("key_id"));
        assertTrue(raw.getString("sealed_details").startsWith("v1."), raw.getString("sealed_details"));
        assertFalse(raw.getString("sealed_details").contains("王小明") || raw.getString("sealed_details").contains("E12345678"));
        for (JsonObject file : raw.getJsonArray("documents").getValuesAs(JsonObject.class)) {
            assertEquals("v1", file.getString("key_id"));
            byte[] stored = Base64.getDecoder().decode(file.getString("content"));
            assertEquals("v1.", new String(stored, 0, 3, StandardCharsets.US_ASCII));
            assertFalse(contains(stored, "%PDF".getBytes(StandardCharsets.US_ASCII)), "the PDF is ciphertext at rest");
            assertFalse(contains(stored, "JFIF".getBytes(StandardCharsets.US_ASCII)), "the image is ciphertext at rest");
        }

        // The person sees a thumbnail of their image, never the file; anyone else gets 404.
        HttpResponse<byte[]> thumbnail = bytes(front.getString("url"), wang.bearer());
        assertEquals(200, thumbnail.statusCode());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertTrue(small.getWidth() <= 320 && small.getHeight() <= 320, small.getWidth() + "x" + small.getHeight());
        Person other = person();
        assertNotFound(http.get("/api/v1/verifications/" + id, "Authorization", other.bearer()));
        assertEquals(404, bytes(front.getString("url"), other.bearer()).statusCode());
        assertEquals(1, Http.json(http.get("/api/v1/verifications", "Authorization", wang.bearer())).getJsonArray("data").size());
        assertEquals(0, Http.json(http.get("/api/v1/verifications", "Authorization", other.bearer())).getJsonArray("data").size());

        // Compliance opens the documents: the image re-encoded without EXIF and GPS, the PDF as sent; each view audited.
        Person officer = operator("COMPLIANCE");
        String frontUrl = "/api/v1/admin/verifications/" + id + "/documents/" + front.getString("id");
        HttpResponse<byte[]> opened = bytes(frontUrl, officer.bearer());
        assertEquals(200, opened.statusCode());
        assertTrue(opened.headers().firstValue("Content-Type").orElse("").startsWith("image/jpeg"), opened.headers().toString());
        assertFalse(contains(opened.body(), KycFiles.EXIF_MARKER.getBytes(StandardCharsets.US_ASCII)), "EXIF text gone");
        assertFalse(contains(opened.body(), "Exif\0".getBytes(StandardCharsets.US_ASCII)), "no EXIF segment at all");
        BufferedImage reencoded = ImageIO.read(new ByteArrayInputStream(opened.body()));
        assertEquals(640, reencoded.getWidth());
        assertEquals(400, reencoded.getHeight());
        HttpResponse<byte[]> openedPdf = bytes("/api/v1/admin/verifications/" + id + "/documents/" + back.getString("id"),
                officer.bearer());
        assertArrayEquals(pdf, openedPdf.body());
        String audit = http.get("/api/v1/test-audit?actor=" + officer.id()).body();
        assertTrue(audit.contains("KYC_DOCUMENT_VIEWED " + id + " " + front.getString("id")), audit);
        assertTrue(audit.contains("KYC_DOCUMENT_VIEWED " + id + " " + back.getString("id")), audit);
        JsonObject review = Http.json(http.get("/api/v1/admin/verifications/" + id, "Authorization", officer.bearer()));
        assertEquals("王小明", review.getJsonObject("details").getString("legal_name"));
        assertEquals("E12345678", review.getJsonObject("details").getString("document_number"));

        // Nobody else opens documents: the person themself and others lack the role (403), SUPPORT too, no token 401.
        Person support = operator("SUPPORT");
        assertEquals(403, bytes(frontUrl, wang.bearer()).statusCode());
        assertEquals(403, bytes(frontUrl, other.bearer()).statusCode());
        assertEquals(403, bytes(frontUrl, support.bearer()).statusCode());
        assertEquals(401, bytes(frontUrl, null).statusCode());
        assertEquals(403, http.get("/api/v1/admin/verifications", "Authorization", support.bearer()).statusCode());
        assertEquals(401, http.get("/api/v1/verifications/" + id).statusCode());
        assertNotFound(http.get("/api/v1/admin/verifications/" + id + "/documents/doc_nosuchthing", "Authorization",
                officer.bearer()));
    }

    @Test
    @DisplayName("bad submissions: field errors per field, types by content, size, one waiting at a time, e-mail verified first")
    void refusals() {
        Person ann = person();
        byte[] photo = KycFiles.encode(KycFiles.picture(200, 120), "png");
        assertFieldError(submit(ann, details("", "1990-01-01", "X1"), files("front", photo)), "legal_name", "legal_name_invalid");
        assertFieldError(submit(ann, details("Ann Example", "2020-01-01", "X1"), files("front", photo)),
                "date_of_birth", "date_of_birth_invalid");
        assertFieldError(submit(ann, details("Ann Example", "1990-13-01", "X1"), files("front", photo)),
                "date_of_birth", "date_of_birth_invalid");
        Map<String, String> badCountry = details("Ann Example", "1990-01-01", "X1");
        badCountry.put("nationality", "XX");
        assertFieldError(submit(ann, badCountry, files("front", photo)), "nationality", "nationality_invalid");
        assertFieldError(submit(ann, details("Ann Example", "1990-01-01", "X1"), files()), "front", "document_missing");
        byte[] gif = "GIF89a not a document".getBytes(StandardCharsets.US_ASCII);
        assertFieldError(submit(ann, details("Ann Example", "1990-01-01", "X1"), files("front", gif)),
                "front", "document_type_unsupported");
        assertFieldError(submit(ann, details("Ann Example", "1990-01-01", "X1"), files("front", photo, "selfie", KycFiles.pdf())),
                "selfie", "selfie_type_unsupported");
        byte[] truncated = java.util.Arrays.copyOf(KycFiles.encode(KycFiles.picture(200, 120), "jpg"), 40);
        assertFieldError(submit(ann, details("Ann Example", "1990-01-01", "X1"), files("front", truncated)),
                "front", "document_unreadable");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertFieldError(submit(ann, details("Ann Example", "1990-01-01", "X1"), files("front", huge)),
                "front", "document_too_large");
        assertEquals(415, http.post("/api/v1/verifications", "{}", "Authorization", ann.bearer()).statusCode());

        assertEquals(201, submit(ann, details("Ann Example", "1990-01-01", "X1"), files("front", photo)).statusCode());
        HttpResponse<String> again = submit(ann, details("Ann Example", "1990-01-01", "X1"), files("front", photo));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("verification_pending", Http.json(again).getString("code"));

        HttpResponse<String> unverified = submit(People.unverified(), details("Ann Example", "1990-01-01", "X1"),
                files("front", photo));
        assertEquals(403, unverified.statusCode(), unverified.body());
        assertEquals("email_not_verified", Http.json(unverified).getString("code"));
    }

    @Test
    @DisplayName("compliance rejects with a reason, asks for more, approves: the person reads each, is e-mailed in their language, may submit again until approved")
    void decisions() {
        Person li = person("zh-CN");
        Person officer = operator("COMPLIANCE");
        byte[] photo = KycFiles.encode(KycFiles.picture(300, 200), "jpg");
        String first = Http.json(submit(li, details("李娜", "1985-07-01", "G1234567"), files("front", photo))).getString("id");

        assertFieldError(decide(officer, first, "reject", "{\"reason\":\"  \"}"), "reason", "reason_invalid");
        JsonObject rejected = Http.json(decide(officer, first, "reject", "{\"reason\":\"照片模糊，请重新拍摄。\"}"));
        assertEquals("rejected", rejected.getString("status"));
        JsonObject mine = Http.json(http.get("/api/v1/verifications/" + first, "Authorization", li.bearer()));
        assertEquals("rejected", mine.getString("status"));
        assertEquals("照片模糊，请重新拍摄。", mine.getString("reason"));
        assertTrue(MailCatcher.await(li.email(), "实名认证未通过").text().contains("照片模糊，请重新拍摄。"));
        HttpResponse<String> twice = decide(officer, first, "approve", "");
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("verification_decided", Http.json(twice).getString("code"));

        String second = Http.json(submit(li, details("李娜", "1985-07-01", "G1234567"), files("front", photo))).getString("id");
        assertFieldError(decide(officer, second, "request-more", "{\"document\":\"passport photo\",\"reason\":\"x\"}"),
                "document", "requested_document_invalid");
        JsonObject more = Http.json(decide(officer, second, "request-more", "{\"document\":\"back\",\"reason\":\"请上传证件反面。\"}"));
        assertEquals("more_requested", more.getString("status"));
        assertEquals("back", more.getString("requested_document"));
        assertTrue(MailCatcher.await(li.email(), "补充资料").text().contains("证件反面"));

        String third = Http.json(submit(li, details("李娜", "1985-07-01", "G1234567"),
                files("front", photo, "back", photo))).getString("id");
        assertEquals(403, decide(operator("SUPPORT"), third, "approve", "").statusCode());
        assertEquals(403, decide(li, third, "approve", "").statusCode());
        JsonObject approved = Http.json(decide(officer, third, "approve", ""));
        assertEquals("approved", approved.getString("status"));
        assertTrue(MailCatcher.await(li.email(), "您已完成实名认证").text().contains("/kyc/verify.xhtml"));
        var history = Http.json(http.get("/api/v1/verifications", "Authorization", li.bearer())).getJsonArray("data");
        assertEquals(3, history.size());
        assertEquals("approved", history.getJsonObject(0).getString("status"));
        assertEquals("more_requested", history.getJsonObject(1).getString("status"));
        assertEquals("rejected", history.getJsonObject(2).getString("status"));
        assertEquals("approved", history.getJsonObject(0).getJsonArray("history").getJsonObject(1).getString("action"));
        HttpResponse<String> after = submit(li, details("李娜", "1985-07-01", "G1234567"), files("front", photo));
        assertEquals(409, after.statusCode(), after.body());
        assertEquals("verification_approved", Http.json(after).getString("code"));
        assertTrue(http.get("/api/v1/test-audit?actor=" + officer.id()).body().contains("KYC_APPROVED " + third));
    }

    @Test
    @DisplayName("screening: a list upload finds a waiting person exactly, a new submission fuzzily; an open hit blocks approval until cleared with a reason")
    void screening() {
        Person officer = operator("COMPLIANCE");
        String listed = word() + " " + word();
        String fuzzyListed = word() + " " + word();
        String sameNameOtherBirth = word() + " " + word();
        byte[] photo = KycFiles.encode(KycFiles.picture(300, 200), "jpg");

        Person exact = person();
        String exactId = Http.json(submit(exact, details(listed.toUpperCase(), "1970-05-05", "P100"), files("front", photo)))
                .getString("id");
        Person unrelated = person();
        String unrelatedId = Http.json(submit(unrelated, details(sameNameOtherBirth, "1991-01-01", "P101"),
                files("front", photo))).getString("id");

        String csv = "name,date_of_birth,country,source\n"
                + listed + ",1970-05-05,RU,Test sanctions list\n"
                + "\"" + fuzzyListed + "\",,CN,Test PEP list\n"
                + sameNameOtherBirth + ",1950-01-01,,Test sanctions list\n";
        HttpResponse<String> support = upload(operator("SUPPORT"), csv);
        assertEquals(403, support.statusCode(), support.body());
        assertFieldError(upload(officer, "name,date_of_birth\nSomeone,05/05/1970\n"), "file", "screening_list_line_invalid");
        HttpResponse<String> uploaded = upload(officer, csv);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertEquals(3, Http.json(uploaded).getInt("entries"));
        assertTrue(Http.json(uploaded).getInt("new_hits") >= 1, uploaded.body());

        JsonObject review = Http.json(http.get("/api/v1/admin/verifications/" + exactId, "Authorization", officer.bearer()));
        assertEquals(1, review.getInt("open_hits"), review.toString());
        JsonObject hit = review.getJsonArray("screening_hits").getJsonObject(0);
        assertEquals("exact", hit.getString("match"));
        assertEquals(listed, hit.getString("name"));
        assertEquals("Test sanctions list", hit.getString("source"));
        assertEquals("RU", hit.getString("country"));
        assertEquals(0, Http.json(http.get("/api/v1/admin/verifications/" + unrelatedId, "Authorization", officer.bearer()))
                .getJsonArray("screening_hits").size(), "the same name with another date of birth is not a hit");

        HttpResponse<String> blocked = decide(officer, exactId, "approve", "");
        assertEquals(422, blocked.statusCode(), blocked.body());
        assertEquals("screening_hit_open", Http.json(blocked).getString("code"));
        assertEquals("pending", Http.json(http.get("/api/v1/verifications/" + exactId, "Authorization", exact.bearer()))
                .getString("status"));

        // A later submission is screened at once: one letter off the listed name is a fuzzy hit.
        Person fuzzy = person();
        String misspelt = fuzzyListed.substring(0, fuzzyListed.length() - 1);
        String fuzzyId = Http.json(submit(fuzzy, details(misspelt, "1980-03-03", "P102"), files("front", photo)))
                .getString("id");
        JsonObject fuzzyReview = Http.json(http.get("/api/v1/admin/verifications/" + fuzzyId, "Authorization", officer.bearer()));
        assertEquals("fuzzy", fuzzyReview.getJsonArray("screening_hits").getJsonObject(0).getString("match"), fuzzyReview.toString());
        assertEquals(422, decide(officer, fuzzyId, "approve", "").statusCode());

        String clearUrl = "/api/v1/admin/verifications/" + exactId + "/screening-hits/" + hit.getString("id") + "/clear";
        assertFieldError(http.post(clearUrl, "{}", "Authorization", officer.bearer()), "reason", "reason_invalid");
        HttpResponse<String> cleared = http.post(clearUrl, "{\"reason\":\"Other person: passport photo and birthplace differ.\"}",
                "Authorization", officer.bearer());
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertEquals(0, Http.json(cleared).getInt("open_hits"));
        assertEquals("cleared", Http.json(cleared).getJsonArray("screening_hits").getJsonObject(0).getString("status"));
        assertEquals(409, http.post(clearUrl, "{\"reason\":\"again\"}", "Authorization", officer.bearer()).statusCode());
        assertEquals("approved", Http.json(decide(officer, exactId, "approve", "")).getString("status"));
        assertEquals("pending", Http.json(http.get("/api/v1/admin/verifications/" + fuzzyId, "Authorization",
                officer.bearer())).getString("status"), "its own hit still blocks the other one");
    }

    @Test
    @DisplayName("in two browsers: a person submits with a Chinese name at 390 px, compliance approves on the queue page, the person's page says verified")
    void browserWalk() throws Exception {
        Person mei = person("zh-CN");
        Person officer = operator("COMPLIANCE");
        Path photo = Files.createTempFile("kyc-front", ".jpg");
        Files.write(photo, KycFiles.jpegWithGps(800, 500));
        WebDriver browser = Browsers.chromium();
        WebDriver office = null;
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/signin.xhtml?lang=zh-CN"));
            Browsers.signIn(browser, mei.email());
            browser.get(url("/kyc/verify.xhtml"));
            waitFor(browser, "verify:submit");
            assertEquals("实名认证", browser.findElement(By.tagName("h1")).getText());
            click(browser, "verify:submit");
            assertFalse(browser.findElement(By.id("verify:legal_name-error")).getText().isBlank(), text(browser));

            type(browser, "verify:legal_name", "张美玲");
            type(browser, "verify:date_of_birth", "1992-10-08");
            new Select(browser.findElement(By.id("verify:nationality"))).selectByValue("CN");
            type(browser, "verify:address", "上海市浦东新区世纪大道 100 号");
            new Select(browser.findElement(By.id("verify:document_type"))).selectByValue("national_id");
            type(browser, "verify:document_number", "310115199210080021");
            browser.findElement(By.id("verify:front")).sendKeys(photo.toAbsolutePath().toString());
            assertEquals(390L, ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return Math.max(document.documentElement.scrollWidth, 390);")).longValue(), "no horizontal scrolling at 390 px");
            click(browser, "verify:submit");
            waitFor(browser, "status");
            assertEquals("pending", browser.findElement(By.id("status")).getAttribute("data-status"));
            assertTrue(text(browser).contains("等待审核"), text(browser));
            assertTrue(browser.findElement(By.cssSelector(".kyc-thumbnail")).getAttribute("src").startsWith("data:image/jpeg;base64,"));
            assertTrue(browser.findElements(By.id("verify:submit")).isEmpty(), "no second submission while one waits");
            String id = Http.json(http.get("/api/v1/verifications", "Authorization", mei.bearer())).getJsonArray("data")
                    .getJsonObject(0).getString("id");

            office = Browsers.chromium();
            office.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(office, officer.email());
            office.get(url("/admin/verifications.xhtml"));
            waitFor(office, "verification-" + id);
            String card = office.findElement(By.id("verification-" + id)).getText();
            assertTrue(card.contains("张美玲") && card.contains("310115199210080021") && card.contains("China"), card);
            press(office, office.findElement(By.id("verification-" + id)).findElement(By.cssSelector(".approve")));
            assertTrue(text(office).contains("The identity of 张美玲 is approved."), text(office));
            assertTrue(office.findElements(By.id("verification-" + id)).isEmpty(), "decided verifications leave the queue");

            browser.navigate().refresh();
            waitFor(browser, "status");
            assertEquals("approved", browser.findElement(By.id("status")).getAttribute("data-status"));
            assertTrue(text(browser).contains("已认证"), text(browser));
            assertTrue(browser.findElements(By.id("verify:submit")).isEmpty());
        } finally {
            browser.quit();
            if (office != null) {
                office.quit();
            }
            Files.deleteIfExists(photo);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    String url(String path) {
        return http.uri(path).toString();
    }

    static Map<String, String> details(String name, String born, String number) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("legal_name", name);
        fields.put("date_of_birth", born);
        fields.put("nationality", "cn");
        fields.put("address", "1 Harbour Road\nLeith");
        fields.put("document_type", "passport");
        fields.put("document_number", number);
        return fields;
    }

    static Map<String, byte[]> files(Object... pairs) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            files.put((String) pairs[i], (byte[]) pairs[i + 1]);
        }
        return files;
    }

    HttpResponse<String> submit(Person person, Map<String, String> fields, Map<String, byte[]> files) {
        KycFiles.Multipart body = KycFiles.Multipart.of(fields, files);
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/verifications")).header("Content-Type", body.contentType())
                .POST(body.body()), "Authorization", person.bearer());
    }

    HttpResponse<String> decide(Person officer, String id, String action, String json) {
        return http.post("/api/v1/admin/verifications/" + id + "/" + action, json.isEmpty() ? "{}" : json,
                "Authorization", officer.bearer());
    }

    HttpResponse<String> upload(Person officer, String csv) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/admin/screening-lists?name=Test")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), "Authorization", officer.bearer());
    }

    HttpResponse<byte[]> bytes(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A capitalised word of nine random letters: names no other test lists or submits. */
    static String word() {
        StringBuilder word = new StringBuilder().append((char) ('A' + RANDOM.nextInt(26)));
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }
}
