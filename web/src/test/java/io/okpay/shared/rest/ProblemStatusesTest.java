package io.okpay.shared.rest;

import io.okpay.funding.control.CardAuthorisation.DeclineReason;
import io.okpay.shared.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error code that can reach a client has one HTTP status in {@code problem-statuses.properties} and a text in
 * both bundles. The codes are read from the sources of both modules (run from the web module): the string literals
 * that are the first argument of {@code new BusinessException(...)}, of {@code super(...)} in its subclasses or of
 * {@code Problems.of(...)}, the failure codes a top-up records (its replay throws them again) and the card decline
 * codes of {@link DeclineReason}.
 */
class ProblemStatusesTest {

    private static final List<Path> SOURCES = List.of(Path.of("..", "ejb", "src", "main", "java"),
            Path.of("src", "main", "java"));
    private static final Pattern THROWN = Pattern.compile("\\bnew\\s+(?:io\\.okpay\\.shared\\.)?BusinessException\\(|"
            + "\\bProblems\\.of\\(");
    /** In a subclass of BusinessException, its constructor's {@code super(...)} names the code too. */
    private static final Pattern THROWN_IN_SUBCLASS = Pattern.compile(THROWN.pattern() + "|\\bsuper\\(");
    private static final Pattern SUBCLASS = Pattern.compile(
            "\\bextends\\s+(?:io\\.okpay\\.shared\\.)?BusinessException\\b");
    private static final Pattern FAILURE_CODE = Pattern.compile("\\.failed\\([^;()]*,\\s*\"([a-z][a-z0-9_]*)\"\\s*\\)");
    private static final Pattern CODE = Pattern.compile("\"([a-z][a-z0-9_]*)\"");
    /** What ../errors-fixup.sh strips: an HTTP status passed where the arguments of the text are expected now. */
    private static final Pattern STATUS_AT_THROW_SITE = Pattern.compile(
            "BusinessException\\(\"[a-z0-9_]+\",\\s*[1-5][0-9][0-9]\\b");
    private static final Pattern STATUS_AT_SUPER = Pattern.compile("\\bsuper\\(\"[a-z0-9_]+\",\\s*[1-5][0-9][0-9]\\b");

    private static Map<Path, String> sources;

    @BeforeAll
    static void readSources() throws IOException {
        sources = new TreeMap<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException(root.toAbsolutePath() + " is missing (run from the web module)");
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    @DisplayName("every code thrown in ejb or web has a status and a text in English and in Simplified Chinese")
    void everyCodeHasAStatusAndTexts() {
        Set<String> codes = codes();
        assertTrue(codes.size() > 80 && codes.contains("insufficient_funds") && codes.contains("hold_expired")
                && codes.contains("step_up_required")
                && codes.contains("card_declined") && codes.contains("topup_expired") && codes.contains("malformed_json"),
                "the scan of the sources finds the codes: " + codes);
        ResourceBundle english = Messages.bundle(Locale.ENGLISH);
        ResourceBundle chinese = Messages.bundle(Locale.SIMPLIFIED_CHINESE);
        Set<String> noStatus = new TreeSet<>();
        Set<String> noText = new TreeSet<>();
        for (String code : codes) {
            if (!ProblemStatuses.all().containsKey(code)) {
                noStatus.add(code);
            }
            if (!english.containsKey("error." + code) || !chinese.containsKey("error." + code)) {
                noText.add(code);
            }
        }
        assertTrue(noStatus.isEmpty() && noText.isEmpty(), "no status in " + ProblemStatuses.TABLE + " for " + noStatus
                + "; no error.<code> in messages_en and messages_zh_CN for " + noText);
    }

    @Test
    @DisplayName("the table lists each code once, with a status that has a problem title (the API conventions' statuses, and 413 for bodies too large)")
    void tableIsSound() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        try (InputStream in = ProblemStatuses.class.getResourceAsStream(ProblemStatuses.TABLE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !seen.add(trimmed.split("=", 2)[0].strip())) {
                    twice.add(trimmed);
                }
            }
        }
        assertTrue(twice.isEmpty(), ProblemStatuses.TABLE + " repeats " + twice);
        assertEquals(seen, ProblemStatuses.all().keySet());
        Set<Integer> statuses = new TreeSet<>(ProblemStatuses.all().values());
        assertEquals(Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503), statuses);
        for (int status : statuses) {
            assertTrue(Messages.bundle(Locale.ENGLISH).containsKey("problem.title." + status), "title of " + status);
            assertTrue(Messages.bundle(Locale.SIMPLIFIED_CHINESE).containsKey("problem.title." + status), "title of " + status);
        }
    }

    @Test
    @DisplayName("codes keep the statuses their callers rely on; an unlisted code is a 422 refusal")
    void statuses() {
        assertEquals(400, ProblemStatuses.of("invalid_request"));
        assertEquals(401, ProblemStatuses.of("invalid_client"));
        assertEquals(403, ProblemStatuses.of("email_not_verified"));
        assertEquals(403, ProblemStatuses.of("step_up_required"));
        assertEquals(404, ProblemStatuses.of("not_found"));
        assertEquals(409, ProblemStatuses.of("idempotency_conflict"));
        assertEquals(409, ProblemStatuses.of("hold_expired"));
        assertEquals(422, ProblemStatuses.of("insufficient_funds"));
        assertEquals(422, ProblemStatuses.of("posting_unbalanced"));
        assertEquals(422, ProblemStatuses.of("code_invalid"));
        for (DeclineReason reason : DeclineReason.values()) {
            assertEquals(422, ProblemStatuses.of(reason.errorCode()), reason.name());
        }
        assertEquals(429, ProblemStatuses.of("voucher_attempts_throttled"));
        // Named where a throttle refuses (Throttle.attempt), not at a "new BusinessException" the scan above finds.
        assertEquals(429, ProblemStatuses.of("sign_up_throttled"));
        assertEquals(429, ProblemStatuses.of("sign_in_throttled"));
        assertEquals(429, ProblemStatuses.of("too_many_wrong_codes"));
        assertEquals(503, ProblemStatuses.of("password_check_busy"));
        assertEquals(500, ProblemStatuses.of("internal_error"));
        assertEquals(503, ProblemStatuses.of("fx_rates_unavailable"));
        assertEquals(503, ProblemStatuses.of("card_gateway_unavailable"));
        assertEquals(ProblemStatuses.UNLISTED, ProblemStatuses.of("no_such_code"));
    }

    @Test
    @DisplayName("no throw site passes an HTTP status any more (after merging an older branch: run errors-fixup.sh)")
    void noStatusAtThrowSites() {
        List<String> found = new ArrayList<>();
        sources.forEach((file, text) -> {
            Matcher m = STATUS_AT_THROW_SITE.matcher(text);
            while (m.find()) {
                found.add(file + ": " + m.group());
            }
            Matcher inSubclass = STATUS_AT_SUPER.matcher(SUBCLASS.matcher(text).find() ? text : "");
            while (inSubclass.find()) {
                found.add(file + ": " + inSubclass.group());
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    private static Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        sources.values().forEach(text -> {
            Matcher thrown = (SUBCLASS.matcher(text).find() ? THROWN_IN_SUBCLASS : THROWN).matcher(text);
            while (thrown.find()) {
                Matcher literal = CODE.matcher(firstArgument(text, thrown.end()));
                while (literal.find()) {
                    codes.add(literal.group(1));
                }
            }
            Matcher failure = FAILURE_CODE.matcher(text);
            while (failure.find()) {
                codes.add(failure.group(1));
            }
        });
        for (DeclineReason reason : DeclineReason.values()) {
            codes.add(reason.errorCode());
        }
        return codes;
    }

    /** The text of the argument that starts at {@code from}, up to the comma or parenthesis that ends it. */
    static String firstArgument(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    return text.substring(from, i);
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return text.substring(from, i);
            }
        }
        throw new IllegalStateException("unterminated call at " + from);
    }

    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length();
    }
}
