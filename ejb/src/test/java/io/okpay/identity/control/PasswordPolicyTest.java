package io.okpay.identity.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    @DisplayName("length alone decides, counted in characters: 12 to 128, no composition rules")
    void length() {
        assertEquals(List.of("password_too_short"), PasswordPolicy.problems("elevenchars", "alice", "a@b.io"));
        assertTrue(PasswordPolicy.problems("correct horse battery", "alice", "alice@example.com").isEmpty());
        assertTrue(PasswordPolicy.problems("alllowercaseletters", "bob", "bob@example.com").isEmpty(), "no composition rules");
        assertTrue(PasswordPolicy.problems("x".repeat(64) + "y", "bob", "bob@example.com").isEmpty(), "64 and more allowed");
        assertEquals(List.of("password_too_long"), PasswordPolicy.problems("ab".repeat(65), "bob", "bob@example.com"));
        // Twelve Chinese characters are twelve characters, whatever their UTF-16 or UTF-8 length.
        assertTrue(PasswordPolicy.problems("我的钱包密码安全又很好记", "bob", "bob@example.com").isEmpty());
        assertEquals(List.of("password_too_short"), PasswordPolicy.problems("😀😀😀😀😀😀", "bob", "bob@example.com"));
    }

    @Test
    @DisplayName("the shipped list has at least 10,000 common passwords, matched without regard to case")
    void commonPasswords() {
        assertTrue(PasswordPolicy.commonPasswordCount() >= 10_000, "list size " + PasswordPolicy.commonPasswordCount());
        assertEquals(List.of("password_common"), PasswordPolicy.problems("qwertyuiop123", "bob", "bob@example.com"));
        assertEquals(List.of("password_common"), PasswordPolicy.problems("QwertyUiop123", "bob", "bob@example.com"));
    }

    @Test
    @DisplayName("the strength hint (zxcvbn) ranks long unusual phrases high and predictable ones low")
    void strength() {
        assertTrue(PasswordPolicy.strength("violet kettle harbour 42", "bob", "bob@example.com") >= 3);
        assertTrue(PasswordPolicy.strength("password1234", "bob", "bob@example.com") <= 1);
        assertTrue(PasswordPolicy.strength("bobbybob@example.com", "bobbybob", "bobbybob@example.com") <= 1);
        assertEquals(0, PasswordPolicy.strength("", "bob", "bob@example.com"));
    }

    @Test
    @DisplayName("a password containing the username or the e-mail address is refused")
    void identity() {
        assertEquals(List.of("password_contains_identity"), PasswordPolicy.problems("my-name-is-Alice99!", "alice", "x@example.com"));
        assertEquals(List.of("password_contains_identity"), PasswordPolicy.problems("zz-carol.smith-zz", "cs", "carol.smith@example.com"));
        assertEquals(List.of("password_required"), PasswordPolicy.problems("", "bob", "bob@example.com"));
    }
}
