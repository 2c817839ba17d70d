package io.okpay.shared;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as OKPay keeps it: without blanks around it and in lower case, at most 254 characters, a local
 * part of at most 64 and a domain with a dot. Whether the mailbox exists only a mail to it can tell.
 */
public record EmailAddress(String value) implements Serializable {

    public static final int MAX_LENGTH = 254;
    private static final Pattern FORM = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        if (!hasForm(value)) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    /** The address in what was typed (blanks around it dropped, lower case), or empty when it is not one. */
    public static Optional<EmailAddress> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String address = typed.strip().toLowerCase(Locale.ROOT);
        return hasForm(address) ? Optional.of(new EmailAddress(address)) : Optional.empty();
    }

    /** Whether this text, as it is, has the form of an address. */
    public static boolean hasForm(String text) {
        return text != null && text.length() <= MAX_LENGTH && FORM.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
