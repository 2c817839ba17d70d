package io.okpay.funding.boundary;

import java.util.Optional;

/**
 * The card schemes OKPay accepts, told apart by the leading digits of the number (the issuer identification number),
 * each with the number lengths and the security-code length it issues.
 */
public enum CardBrand {

    VISA(3, 13, 16, 19),
    MASTERCARD(3, 16),
    AMEX(4, 15),
    UNIONPAY(3, 16, 17, 18, 19),
    JCB(3, 16, 17, 18, 19);

    private final int cvcLength;
    private final int[] numberLengths;

    CardBrand(int cvcLength, int... numberLengths) {
        this.cvcLength = cvcLength;
        this.numberLengths = numberLengths;
    }

    /** The brand of a number given as digits only; empty when no accepted scheme issues numbers starting like it. */
    public static Optional<CardBrand> of(String digits) {
        if (digits == null || digits.length() < 4 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (two == 34 || two == 37) {
            return Optional.of(AMEX);
        }
        if (four >= 3528 && four <= 3589) {
            return Optional.of(JCB);
        }
        if (digits.charAt(0) == '4') {
            return Optional.of(VISA);
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return Optional.of(MASTERCARD);
        }
        if (two == 62) {
            return Optional.of(UNIONPAY);
        }
        return Optional.empty();
    }

    public int cvcLength() {
        return cvcLength;
    }

    public boolean issuesLength(int length) {
        for (int allowed : numberLengths) {
            if (allowed == length) {
                return true;
            }
        }
        return false;
    }

    /** Bundle key of the brand's name as people know it in each language (UnionPay is 银联 in Chinese). */
    public String messageKey() {
        return "card.brand." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The brand as processors write it in JSON: visa, mastercard, amex, unionpay, jcb. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<CardBrand> fromWireName(String name) {
        for (CardBrand brand : values()) {
            if (brand.wireName().equals(name)) {
                return Optional.of(brand);
            }
        }
        return Optional.empty();
    }
}
