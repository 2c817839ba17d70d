package io.okpay.identity.control;

import com.nulabinc.zxcvbn.Zxcvbn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules after NIST SP 800-63B and OWASP ASVS 5: length only (12 to 128 characters, counted as Unicode code
 * points, never truncated), no composition rules, and refused when it is one of the 30,000 most common passwords
 * (zxcvbn's frequency list, read from its jar) or contains the username or the e-mail address.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String COMMON_LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordPolicy() {
    }

    /** The codes of every rule the password breaks (error.password_...), empty when it is acceptable. */
    public static List<String> problems(String password, String username, String email) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("password_required");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("password_too_short");
        }
        if (length > MAX_LENGTH) {
            problems.add("password_too_long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (CommonPasswords.SET.contains(lower)) {
            problems.add("password_common");
        }
        if (contains(lower, username) || contains(lower, email) || contains(lower, localPart(email))) {
            problems.add("password_contains_identity");
        }
        return problems;
    }

    private static boolean contains(String lowerPassword, String identity) {
        // Very short identities ("al") would refuse half of all passwords without protecting anything.
        return identity != null && identity.length() >= 3 && lowerPassword.contains(identity.toLowerCase(Locale.ROOT));
    }

    private static String localPart(String email) {
        return email == null || email.indexOf('@') < 0 ? null : email.substring(0, email.indexOf('@'));
    }

    /**
     * zxcvbn's estimate from 0 (guessed at once) to 4 (very hard to guess), knowing the username and the address, for
     * the hint while a password is typed. The rules above decide; this only advises.
     */
    public static int strength(String password, String username, String email) {
        if (password == null || password.isEmpty()) {
            return 0;
        }
        List<String> known = new ArrayList<>();
        for (String value : new String[]{username, email, localPart(email)}) {
            if (value != null && !value.isBlank()) {
                known.add(value);
            }
        }
        // zxcvbn's work grows with the length; beyond the longest allowed password nothing changes the verdict.
        String measured = password.length() > MAX_LENGTH ? password.substring(0, MAX_LENGTH) : password;
        return ZXCVBN.measure(measured, known).getScore();
    }

    static int commonPasswordCount() {
        return CommonPasswords.SET.size();
    }

    /** Loaded on first use: 30,000 entries, lower-case. */
    private static final class CommonPasswords {
        static final Set<String> SET = load();

        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
                if (in == null) {
                    throw new IllegalStateException("The common-password list " + COMMON_LIST + " is missing from the class path");
                }
                Set<String> words = new HashSet<>(40_000);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String word = line.trim();
                    if (!word.isEmpty()) {
                        words.add(word.toLowerCase(Locale.ROOT));
                    }
                }
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
