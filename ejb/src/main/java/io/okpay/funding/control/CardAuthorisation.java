package io.okpay.funding.control;

import io.okpay.shared.BusinessException;

import java.util.Optional;

/**
 * An authorisation at the card processor as it stands now: approved and waiting for capture, waiting for the shopper's
 * one-time code, declined (with why), captured or voided. Amounts are minor units of the currency.
 */
public record CardAuthorisation(String id, Status status, DeclineReason declineReason, long amount, String currency) {

    public enum Status {
        AUTHORISED("authorized"),
        CHALLENGE_REQUIRED("challenge_required"),
        DECLINED("declined"),
        CAPTURED("captured"),
        VOIDED("voided");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Status> fromWireName(String name) {
            for (Status status : values()) {
                if (status.wireName.equals(name)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    /** Why the issuer or processor said no; each has its own words for the person ({@code error.<code>}). */
    public enum DeclineReason {
        DECLINED("declined", "card_declined"),
        INSUFFICIENT_FUNDS("insufficient_funds", "card_insufficient_funds"),
        EXPIRED_CARD("expired_card", "card_expired"),
        PROCESSING_ERROR("processing_error", "card_processing_error"),
        CHALLENGE_FAILED("challenge_failed", "card_challenge_failed");

        private final String wireName;
        private final String errorCode;

        DeclineReason(String wireName, String errorCode) {
            this.wireName = wireName;
            this.errorCode = errorCode;
        }

        public String wireName() {
            return wireName;
        }

        public String errorCode() {
            return errorCode;
        }

        /** Unknown reasons from a newer processor version read as a plain decline. */
        public static DeclineReason fromWireName(String name) {
            for (DeclineReason reason : values()) {
                if (reason.wireName.equals(name)) {
                    return reason;
                }
            }
            return DECLINED;
        }
    }

    public boolean declined() {
        return status == Status.DECLINED;
    }

    /** The refusal a person sees for this decline ("Your card was declined ..."). */
    public BusinessException declineError() {
        return new BusinessException((declineReason == null ? DeclineReason.DECLINED : declineReason).errorCode());
    }
}
