package io.okpay.identity.boundary;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordCheckTest {

    @Test
    @DisplayName("a common password is refused by the rules and scores low; a long unusual phrase passes and scores high")
    void rulesDecideScoreAdvises() {
        PasswordCheck common = PasswordCheck.of("qwertyuiop123", "bob", "bob@example.com");
        assertFalse(common.acceptable());
        assertEquals(List.of("password_common"), common.problems());
        assertTrue(common.score() <= 1, "score " + common.score());

        PasswordCheck phrase = PasswordCheck.of("violet kettle harbour 42", "bob", "bob@example.com");
        assertTrue(phrase.acceptable());
        assertTrue(phrase.score() >= 3, "score " + phrase.score());
    }

    @Test
    @DisplayName("nothing typed yet: required, score 0")
    void empty() {
        PasswordCheck nothing = PasswordCheck.of(null, null, null);
        assertEquals(List.of("password_required"), nothing.problems());
        assertEquals(0, nothing.score());
    }
}
