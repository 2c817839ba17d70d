package io.okpay.funding.control;

import io.okpay.funding.boundary.CardToken;
import io.okpay.funding.entity.CardDetails;

import java.util.Optional;

/**
 * The card processor as funding needs it. Every call may fail with the {@link io.okpay.shared.BusinessException}
 * {@code card_gateway_unavailable} (503): the processor was not reachable, too slow, or is resting behind an open
 * circuit. After such a failure on {@link #authorise} the outcome is unknown: look the authorisation up by its
 * idempotency key ({@link #findByIdempotencyKey}) and void it, or authorise again with the same key, which never
 * authorises twice. Calls never happen inside a ledger transaction: no remote call while a database transaction is
 * open.
 */
public interface CardGateway {

    /** Exchanges the card for a reusable token; the number and CVC go no further than the processor. */
    CardToken tokenise(CardDetails card);

    /**
     * Reserves an amount (minor units) on the card. Answers AUTHORISED, CHALLENGE_REQUIRED (the shopper must enter the
     * issuer's one-time code, see {@link #completeChallenge}) or DECLINED with a reason.
     *
     * @param idempotencyKey the same key for the same attempt: a repeated call returns the first authorisation
     */
    CardAuthorisation authorise(String idempotencyKey, String token, long amount, String currency);

    /** Passes on the one-time code the shopper typed; answers AUTHORISED, still CHALLENGE_REQUIRED, or DECLINED. */
    CardAuthorisation completeChallenge(String authorisationId, String oneTimeCode);

    /** Takes the reserved money; repeating it with the same key captures once. */
    CardAuthorisation capture(String idempotencyKey, String authorisationId);

    /** Releases the reservation; repeating it with the same key voids once. */
    CardAuthorisation voidAuthorisation(String idempotencyKey, String authorisationId);

    /** The authorisation as the processor sees it now. */
    CardAuthorisation status(String authorisationId);

    /** The authorisation made with this idempotency key, if the processor received it at all. */
    Optional<CardAuthorisation> findByIdempotencyKey(String idempotencyKey);
}
