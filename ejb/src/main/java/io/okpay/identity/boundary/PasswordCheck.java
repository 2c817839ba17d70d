package io.okpay.identity.boundary;

import io.okpay.identity.control.PasswordPolicy;

import java.util.List;

/**
 * A candidate password measured against the rules, as the hint next to a password field shows it while it is typed:
 * zxcvbn's score from 0 (guessed at once) to 4 (very hard to guess), which only advises, and the codes of the rules
 * it breaks (error.password_...), which decide. Nothing is stored.
 */
public record PasswordCheck(int score, List<String> problems) {

    public PasswordCheck {
        problems = List.copyOf(problems);
    }

    /** The password of someone with this username and address (either may be null while a form is filled in). */
    public static PasswordCheck of(String password, String username, String email) {
        List<String> problems = PasswordPolicy.problems(password, username, email);
        return new PasswordCheck(PasswordPolicy.strength(password, username, email), problems);
    }

    public boolean acceptable() {
        return problems.isEmpty();
    }
}
