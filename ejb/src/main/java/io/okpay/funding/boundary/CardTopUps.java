package io.okpay.funding.boundary;

import io.okpay.funding.control.CardAuthorisation;
import io.okpay.funding.control.CardAuthorisation.Status;
import io.okpay.funding.control.CardGateway;
import io.okpay.funding.control.TopUpAnswers;
import io.okpay.funding.control.TopUpCrediting;
import io.okpay.funding.control.TopUpRecords;
import io.okpay.funding.control.TopUpRecovery;
import io.okpay.funding.control.TopUpValidator;
import io.okpay.funding.entity.SavedCard;
import io.okpay.funding.entity.TopUp;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.persistence.DatabaseFailures;
import io.okpay.risk.boundary.Limits;
import io.okpay.risk.boundary.MovementKind;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Topping a wallet up by card. Runs outside any transaction: each step's state is committed by {@link TopUpRecords}
 * before the next call to the card processor, which is never called while a database transaction is open, and the
 * money moves in one ledger posting ({@link TopUpCrediting}) that carries the receipt e-mail. Every step is
 * idempotent (the processor's keys derive from the top-up's id, the posting's key is the top-up's id), so a step that
 * lost its answer can be run again: by a replayed request, or by {@link TopUpRecovery} from the reconciliation job.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CardTopUps {

    private static final Logger LOG = Logger.getLogger(CardTopUps.class.getName());

    @Inject
    TopUpValidator validator;

    @Inject
    TopUpAnswers answers;

    @Inject
    CardGateway gateway;

    @EJB
    Users users;

    @EJB
    TopUpRecords records;

    @EJB
    TopUpCrediting crediting;

    @EJB
    TopUpRecovery recovery;

    @EJB
    SavedCards savedCards;

    @EJB
    Limits limits;

    /** The fee and total of a card top-up before the person confirms it, or field errors on amount and currency. */
    public FeeQuote quote(String amount, String currency) {
        return validator.quote(TopUpMethod.CARD, amount, currency);
    }

    /**
     * Charges the card and credits the wallet. Answers the top-up SUCCEEDED, or REQUIRES_ACTION when the card issuer
     * asks for a one-time code ({@link #completeChallenge}). Declines are 422 with the reason's code; an unreachable
     * processor is 503 with nothing charged or posted. The same idempotency key with the same request answers the
     * first top-up; with another request, 409. With {@code saveCard} the tokenised card is kept for later top-ups.
     */
    public TopUpView topUp(CardTopUpCommand command) {
        TopUpValidator.Card checked = validator.check(command);
        FeeQuote quote = checked.quote();
        String hash = TopUpAnswers.requestHash("card", quote.amount().minor(), quote.amount().currency(),
                checked.card().brand().wireName(), checked.card().number().lastFour(), checked.card().expMonth(),
                checked.card().expYear());
        Created topUp = create(command.userId(), command.idempotencyKey(), hash, quote);
        if (topUp.replayed) {
            return answers.replay(topUp.row, hash);
        }
        try {
            // Before the card is charged: a top-up over the person's limits must not take money it cannot credit.
            limits.precheck(command.userId(), MovementKind.TOPUP, quote.amount());
        } catch (BusinessException e) {
            records.failed(topUp.row.publicId(), e.code());
            throw e;
        }
        CardToken token;
        try {
            token = gateway.tokenise(checked.card());
        } catch (BusinessException e) {
            // Nothing was reserved: the top-up fails with the reason (a card the processor refuses, no processor).
            records.failed(topUp.row.publicId(), e.code());
            throw e;
        }
        if (command.saveCard()) {
            savedCards.save(command.userId(), token);
        }
        return charge(topUp.row.publicId(), token, quote, checked.payer());
    }

    /** {@link #topUp(CardTopUpCommand)} with a card the person saved before ({@code card_...}). */
    public TopUpView topUp(SavedCardTopUpCommand command) {
        SavedCard card = savedCards.find(command.userId(), command.cardId()).orElseThrow(() -> BusinessException.invalid(
                List.of(new FieldError("card_id", "saved_card_unknown"))));
        if (card.expiredBy(YearMonth.now(ZoneOffset.UTC))) {
            throw BusinessException.invalid(List.of(new FieldError("card_id", "card_expired")));
        }
        return topUp(new TokenisedCardTopUpCommand(command.userId(), command.idempotencyKey(), command.amount(),
                command.currency(), card.toToken()));
    }

    /**
     * The card for the confirmation page: checked and exchanged for the processor's token, so the page can show
     * brand and last four digits and keep nothing else. The top-up itself is {@link #topUp(TokenisedCardTopUpCommand)}.
     */
    public CardToken tokenise(CardInput card) {
        return gateway.tokenise(validator.card(card));
    }

    /** {@link #topUp(CardTopUpCommand)} with a card the processor has already tokenised ({@link #tokenise}). */
    public TopUpView topUp(TokenisedCardTopUpCommand command) {
        TopUpValidator.Priced checked = validator.check(command);
        FeeQuote quote = checked.quote();
        CardToken token = command.card();
        String hash = TopUpAnswers.requestHash("card", quote.amount().minor(), quote.amount().currency(),
                token.brand().wireName(), token.lastFour(), token.expMonth(), token.expYear());
        Created topUp = create(command.userId(), command.idempotencyKey(), hash, quote);
        if (topUp.replayed) {
            return answers.replay(topUp.row, hash);
        }
        return charge(topUp.row.publicId(), token, quote, checked.payer());
    }

    /** Passes the one-time code of a REQUIRES_ACTION card top-up to the issuer; a wrong code may be typed again. */
    public TopUpView completeChallenge(CardChallengeCommand command) {
        TopUp topUp = records.findOwned(command.userId(), command.topUpId()).orElseThrow(BusinessException::notFound);
        if (topUp.status() != TopUpStatus.REQUIRES_ACTION) {
            if (topUp.status() == TopUpStatus.SUCCEEDED) {
                return answers.view(topUp, true);
            }
            throw new BusinessException("topup_not_awaiting_code");
        }
        String code = validator.code(command);
        CardAuthorisation authorisation = gateway.completeChallenge(topUp.authorisationId(), code);
        if (authorisation.status() == Status.CHALLENGE_REQUIRED) {
            throw new BusinessException("card_challenge_code_wrong");
        }
        return afterAuthorisation(command.topUpId(), authorisation, users.require(command.userId()));
    }

    /** Authorises the total on the tokenised card; then captures and credits, or waits for the one-time code. */
    private TopUpView charge(String id, CardToken token, FeeQuote quote, UserView user) {
        records.tokenised(id, token);
        CardAuthorisation authorisation;
        try {
            authorisation = gateway.authorise(id, token.token(), quote.total().minor(), quote.total().currency());
        } catch (BusinessException e) {
            if ("card_gateway_unavailable".equals(e.code())) {
                // The processor may have authorised before its answer was lost: release it, or leave it to the job.
                settleQuietly(id);
            } else {
                records.failed(id, e.code());
            }
            throw e;
        }
        return afterAuthorisation(id, authorisation, user);
    }

    /** A new card top-up row, or the row of an earlier or concurrent request with the same key (a replay). */
    private Created create(String userId, String idempotencyKey, String hash, FeeQuote quote) {
        Optional<TopUp> earlier = records.byKey(userId, idempotencyKey);
        if (earlier.isPresent()) {
            return new Created(earlier.get(), true);
        }
        try {
            return new Created(records.create(userId, idempotencyKey, hash, TopUpMethod.CARD, quote.amount().currency(),
                    quote.amount().minor(), quote.fee().minor()), false);
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            if (!DatabaseFailures.isDuplicateKey(e)) {
                throw e;
            }
            return new Created(records.byKey(userId, idempotencyKey).orElseThrow(() -> e), true);
        }
    }

    private record Created(TopUp row, boolean replayed) {
    }

    private TopUpView afterAuthorisation(String id, CardAuthorisation authorisation, UserView user) {
        switch (authorisation.status()) {
            case DECLINED -> {
                records.failed(id, authorisation.declineError().code());
                throw authorisation.declineError();
            }
            case CHALLENGE_REQUIRED -> {
                return answers.view(records.authorised(id, authorisation.id(), TopUpStatus.REQUIRES_ACTION), false);
            }
            case VOIDED -> {
                records.failed(id, "card_authorisation_state");
                throw new BusinessException("card_authorisation_state");
            }
            default -> {
                // AUTHORISED (or already CAPTURED by an earlier attempt): take the money, then book it.
            }
        }
        TopUp topUp = records.authorised(id, authorisation.id(), TopUpStatus.PROCESSING);
        if (authorisation.status() != Status.CAPTURED) {
            try {
                gateway.capture(id + ":capture", authorisation.id());
            } catch (BusinessException e) {
                if ("card_gateway_unavailable".equals(e.code())) {
                    settleQuietly(id);
                    throw e;
                }
                records.failed(id, e.code());
                throw e;
            }
        }
        return answers.view(crediting.credit(topUp, user), false);
    }

    /** Tries to settle at once; when the processor is still unreachable the reconciliation job does it later. */
    private void settleQuietly(String topUpId) {
        try {
            recovery.settle(topUpId);
        } catch (BusinessException e) {
            LOG.info(() -> "Top-up " + topUpId + " left for the reconciliation job: " + e.code());
        }
    }
}
