package io.okpay.funding.boundary;

import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.funding.control.CardAuthorisation;
import io.okpay.funding.control.CardAuthorisation.Status;
import io.okpay.funding.control.CardChecks;
import io.okpay.funding.control.CardGateway;
import io.okpay.funding.control.CardToken;
import io.okpay.funding.control.FeeSchedule;
import io.okpay.funding.control.TopUpRecords;
import io.okpay.funding.control.VoucherRedemptions;
import io.okpay.funding.entity.CardDetails;
import io.okpay.funding.entity.SavedCard;
import io.okpay.funding.entity.TopUp;
import io.okpay.funding.entity.TopUpReference;
import io.okpay.funding.entity.VoucherCode;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.identity.control.Throttle;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.shared.persistence.DatabaseFailures;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Messages;
import io.okpay.shared.Money;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Topping a wallet up, by card or by e-money voucher. Runs outside any transaction: each step's state is committed
 * by {@link TopUpRecords} before the next remote call, the card processor is never called while a database
 * transaction is open, and the money moves in ONE ledger posting (wallet, clearing account and fee together) that
 * carries the receipt e-mail. Every step is idempotent (the processor's keys derive from the top-up's id, the
 * posting's key is the top-up's id), so a step that lost its answer can be run again: by a replayed request, or by
 * {@link #settle} from the reconciliation job.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TopUps {

    static final String LEDGER_SCOPE = "topup";
    static final String LEDGER_CODE = "topup";
    static final String RECEIPT_TEMPLATE = "topup-receipt";
    /** Wrong voucher codes a person may type before each further try waits longer (up to 15 minutes). */
    static final Throttle.Rule VOUCHER_GUESSES = new Throttle.Rule("voucher", 5, Duration.ofMinutes(15));

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(TopUps.class.getName());

    @EJB
    Users users;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @Inject
    FeeSchedule fees;

    @Inject
    CardGateway gateway;

    @EJB
    TopUpRecords records;

    @EJB
    VoucherRedemptions redemptions;

    @EJB
    SavedCards savedCards;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @Inject
    Throttle throttle;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "okpay.topup.bank-transfer.valid-days", defaultValue = "14")
    int transferValidDays;

    /** The fee and total of a top-up before the person confirms it, or field errors on amount and currency. */
    public FeeQuote quote(TopUpMethod method, String amount, String currency) {
        return fees.quote(method, amounts.positive(amount, currency));
    }

    /**
     * Charges the card and credits the wallet. Answers the top-up SUCCEEDED, or REQUIRES_ACTION when the card issuer
     * asks for a one-time code ({@link #completeChallenge}). Declines are 422 with the reason's code; an unreachable
     * processor is 503 with nothing charged or posted. The same idempotency key with the same request answers the
     * first top-up; with another request, 409.
     */
    public TopUpView byCard(String userId, String idempotencyKey, String amount, String currency, CardInput card) {
        return byCard(userId, idempotencyKey, amount, currency, card, false);
    }

    /** {@link #byCard}; with {@code saveCard} the tokenised card is kept for later top-ups ({@link #bySavedCard}). */
    public TopUpView byCard(String userId, String idempotencyKey, String amount, String currency, CardInput card,
                            boolean saveCard) {
        UserView user = verified(userId);
        requireKey(idempotencyKey);
        CardInput typed = card == null ? new CardInput(null, null, null, null) : card;
        List<FieldError> errors = new ArrayList<>();
        FeeQuote quote = null;
        try {
            quote = quote(TopUpMethod.CARD, amount, currency);
        } catch (BusinessException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            errors.addAll(e.fieldErrors());
        }
        YearMonth today = YearMonth.now(ZoneOffset.UTC);
        errors.addAll(CardChecks.check(typed.number(), typed.expMonth(), typed.expYear(), typed.cvc(), today));
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        CardDetails details = CardChecks.accept(typed.number(), typed.expMonth(), typed.expYear(), typed.cvc(), today);
        String hash = hash("card", quote.amount().minor(), quote.amount().currency(), details.brand().wireName(),
                details.number().lastFour(), details.expMonth(), details.expYear());
        Optional<TopUp> earlier = records.byKey(userId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        Created topUp = create(userId, idempotencyKey, hash, quote);
        if (topUp.replayed) {
            return replay(topUp.row, hash);
        }
        CardToken token;
        try {
            token = gateway.tokenise(details);
        } catch (BusinessException e) {
            // Nothing was reserved: the top-up fails with the reason (a card the processor refuses, no processor).
            records.failed(topUp.row.publicId(), e.code());
            throw e;
        }
        if (saveCard) {
            savedCards.save(userId, token);
        }
        return charge(topUp.row.publicId(), token, quote, user);
    }

    /** {@link #byCard} with a card the person saved before ({@code card_...}). */
    public TopUpView bySavedCard(String userId, String idempotencyKey, String amount, String currency, String cardId) {
        SavedCard card = savedCards.find(userId, cardId).orElseThrow(() -> BusinessException.invalid(
                List.of(new FieldError("card_id", "saved_card_unknown"))));
        if (card.expiredBy(YearMonth.now(ZoneOffset.UTC))) {
            throw BusinessException.invalid(List.of(new FieldError("card_id", "card_expired")));
        }
        return byCardToken(userId, idempotencyKey, amount, currency, card.toToken());
    }

    /**
     * The card for the confirmation page: checked and exchanged for the processor's token, so the page can show
     * brand and last four digits and keep nothing else. The top-up itself is {@link #byCardToken}.
     */
    public CardToken tokenise(CardInput card) {
        CardInput typed = card == null ? new CardInput(null, null, null, null) : card;
        return gateway.tokenise(CardChecks.accept(typed.number(), typed.expMonth(), typed.expYear(), typed.cvc(),
                YearMonth.now(ZoneOffset.UTC)));
    }

    /** {@link #byCard} with a card the processor has already tokenised ({@link #tokenise}). */
    public TopUpView byCardToken(String userId, String idempotencyKey, String amount, String currency, CardToken token) {
        UserView user = verified(userId);
        requireKey(idempotencyKey);
        FeeQuote quote = quote(TopUpMethod.CARD, amount, currency);
        String hash = hash("card", quote.amount().minor(), quote.amount().currency(), token.brand().wireName(),
                token.lastFour(), token.expMonth(), token.expYear());
        Optional<TopUp> earlier = records.byKey(userId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        Created topUp = create(userId, idempotencyKey, hash, quote);
        if (topUp.replayed) {
            return replay(topUp.row, hash);
        }
        return charge(topUp.row.publicId(), token, quote, user);
    }

    /** Authorises the total on the tokenised card; then captures and credits, or waits for the one-time code. */
    private TopUpView charge(String id, CardToken token, FeeQuote quote, UserView user) {
        records.tokenised(id, token);
        CardAuthorisation authorisation;
        try {
            authorisation = gateway.authorise(id, token.token(), quote.total().minor(), quote.total().currency());
        } catch (BusinessException e) {
            if (e.status() == 503) {
                // The processor may have authorised before its answer was lost: release it, or leave it to the job.
                settleQuietly(id);
            } else {
                records.failed(id, e.code());
            }
            throw e;
        }
        return afterAuthorisation(id, authorisation, user);
    }

    /** A new card top-up row, or the row a concurrent request with the same key wrote first. */
    private Created create(String userId, String idempotencyKey, String hash, FeeQuote quote) {
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

    /**
     * A bank transfer top-up: answers PENDING with the reference the person writes on the transfer of the total
     * (amount + fee); the wallet is credited when a statement line with that reference and total is imported.
     */
    public TopUpView byBankTransfer(String userId, String idempotencyKey, String amount, String currency) {
        verified(userId);
        requireKey(idempotencyKey);
        FeeQuote quote = quote(TopUpMethod.BANK_TRANSFER, amount, currency);
        String hash = hash("bank_transfer", quote.amount().minor(), quote.amount().currency());
        Optional<TopUp> earlier = records.byKey(userId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        Instant expiresAt = Instant.now().plus(Duration.ofDays(transferValidDays));
        for (int attempt = 1; ; attempt++) {
            try {
                return view(records.createBankTransfer(userId, idempotencyKey, hash, quote.amount().currency(),
                        quote.amount().minor(), quote.fee().minor(), TopUpReference.generate(RANDOM), expiresAt), false);
            } catch (EJBException | jakarta.persistence.PersistenceException e) {
                if (!DatabaseFailures.isDuplicateKey(e)) {
                    throw e;
                }
                Optional<TopUp> concurrent = records.byKey(userId, idempotencyKey);
                if (concurrent.isPresent()) {
                    return replay(concurrent.get(), hash);
                }
                if (attempt == 3) {
                    throw e;
                }
                // Otherwise the random reference was taken: draw another.
            }
        }
    }

    /** Credits a PENDING bank transfer top-up whose money arrived (statement import); once, however often called. */
    public TopUpView receiveTransfer(String topUpId) {
        TopUp topUp = records.find(topUpId).orElseThrow(BusinessException::notFound);
        if (topUp.method() != TopUpMethod.BANK_TRANSFER || topUp.status() != TopUpStatus.PENDING) {
            throw new BusinessException("topup_not_pending", 409);
        }
        return view(credit(topUp, users.require(topUp.userId())), false);
    }

    /** Passes the one-time code of a REQUIRES_ACTION card top-up to the issuer; a wrong code may be typed again. */
    public TopUpView completeChallenge(String userId, String topUpId, String code) {
        TopUp topUp = owned(userId, topUpId);
        if (topUp.status() != TopUpStatus.REQUIRES_ACTION) {
            if (topUp.status() == TopUpStatus.SUCCEEDED) {
                return view(topUp, true);
            }
            throw new BusinessException("topup_not_awaiting_code", 409);
        }
        if (code == null || !code.strip().matches("\\d{4,8}")) {
            throw BusinessException.invalid(List.of(new FieldError("code", "card_challenge_code_invalid")));
        }
        CardAuthorisation authorisation = gateway.completeChallenge(topUp.authorisationId(), code.strip());
        if (authorisation.status() == Status.CHALLENGE_REQUIRED) {
            throw new BusinessException("card_challenge_code_wrong", 422);
        }
        return afterAuthorisation(topUpId, authorisation, users.require(userId));
    }

    /** The caller's own top-up; someone else's is 404. */
    public TopUpView find(String userId, String topUpId) {
        return view(owned(userId, topUpId), false);
    }

    /**
     * Redeems an e-money voucher into the wallet in the voucher's currency. A code can be redeemed once; an unknown,
     * used or expired code counts as a wrong guess, and after a few of them each further try waits longer (429).
     */
    public TopUpView byVoucher(String userId, String idempotencyKey, String typedCode) {
        UserView user = verified(userId);
        requireKey(idempotencyKey);
        long wait = throttle.secondsToWait(VOUCHER_GUESSES, userId);
        if (wait > 0) {
            throw new BusinessException("voucher_attempts_throttled", 429, wait);
        }
        VoucherCode code;
        try {
            code = VoucherCode.parse(typedCode);
        } catch (BusinessException e) {
            throttle.failed(VOUCHER_GUESSES, userId);
            throw e;
        }
        String hash = hash("voucher", code.hash());
        Optional<TopUp> earlier = records.byKey(userId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        TopUp topUp;
        try {
            topUp = redemptions.redeem(userId, idempotencyKey, hash, code);
        } catch (BusinessException e) {
            if (e.status() == 422) {
                throttle.failed(VOUCHER_GUESSES, userId);
            }
            throw e;
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            if (!DatabaseFailures.isDuplicateKey(e)) {
                throw e;
            }
            return replay(records.byKey(userId, idempotencyKey).orElseThrow(() -> e), hash);
        }
        throttle.reset(VOUCHER_GUESSES, userId);
        return view(credit(topUp, user), false);
    }

    /**
     * Finishes a top-up whose answer was lost (PROCESSING): asks the processor what became of the authorisation,
     * credits the wallet if the money was captured, and otherwise releases the card and fails the top-up. A voucher
     * top-up, already claimed, is credited. Safe to run on several instances at once: every step is idempotent.
     */
    public TopUpView settle(String topUpId) {
        TopUp topUp = records.find(topUpId).orElseThrow(BusinessException::notFound);
        if (topUp.status() != TopUpStatus.PROCESSING) {
            return view(topUp, false);
        }
        UserView user = users.require(topUp.userId());
        if (topUp.method() == TopUpMethod.VOUCHER) {
            return view(credit(topUp, user), false);
        }
        Optional<CardAuthorisation> found = topUp.authorisationId() != null
                ? Optional.of(gateway.status(topUp.authorisationId()))
                : gateway.findByIdempotencyKey(topUpId);
        if (found.isEmpty()) {
            return view(records.failed(topUpId, "card_gateway_unavailable"), false);
        }
        CardAuthorisation authorisation = found.get();
        return switch (authorisation.status()) {
            case CAPTURED -> view(credit(records.authorised(topUpId, authorisation.id(), TopUpStatus.PROCESSING), user), false);
            case AUTHORISED, CHALLENGE_REQUIRED -> {
                gateway.voidAuthorisation(topUpId + ":void", authorisation.id());
                yield view(records.failed(topUpId, "card_gateway_unavailable"), false);
            }
            case DECLINED -> view(records.failed(topUpId, authorisation.declineError().code()), false);
            case VOIDED -> view(records.failed(topUpId, "card_gateway_unavailable"), false);
        };
    }

    private TopUpView afterAuthorisation(String id, CardAuthorisation authorisation, UserView user) {
        switch (authorisation.status()) {
            case DECLINED -> {
                records.failed(id, authorisation.declineError().code());
                throw authorisation.declineError();
            }
            case CHALLENGE_REQUIRED -> {
                return view(records.authorised(id, authorisation.id(), TopUpStatus.REQUIRES_ACTION), false);
            }
            case VOIDED -> {
                records.failed(id, "card_authorisation_state");
                throw new BusinessException("card_authorisation_state", 409);
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
                if (e.status() == 503) {
                    settleQuietly(id);
                    throw e;
                }
                records.failed(id, e.code());
                throw e;
            }
        }
        return view(credit(topUp, user), false);
    }

    /**
     * The one posting of a top-up: the clearing account of the method is debited what the person paid, the wallet is
     * credited the amount and the fees account the fee; the receipt e-mail commits with it.
     */
    private TopUp credit(TopUp topUp, UserView user) {
        Purpose clearing = switch (topUp.method()) {
            case CARD -> Purpose.FUNDING_CARD;
            case BANK_TRANSFER -> Purpose.FUNDING_BANK;
            case VOUCHER -> Purpose.FUNDING_VOUCHER;
        };
        return credit(topUp, user, clearing, LEDGER_SCOPE, topUp.publicId());
    }

    /**
     * Credits a PENDING bank transfer top-up from money an operator found in suspense (a statement line that matched
     * nothing on import). The posting's key is the statement line, so a line in suspense is resolved at most once.
     */
    public TopUpView receiveFromSuspense(String topUpId, String ledgerScope, String bankEntryId, long amount,
                                         String currency) {
        TopUp topUp = records.find(topUpId).orElseThrow(BusinessException::notFound);
        if (topUp.method() != TopUpMethod.BANK_TRANSFER || topUp.status() != TopUpStatus.PENDING) {
            throw new BusinessException("topup_not_pending", 409);
        }
        if (!topUp.currency().equals(currency) || topUp.amount() + topUp.fee() != amount) {
            throw new BusinessException("statement_line_mismatch", 422);
        }
        return view(credit(topUp, users.require(topUp.userId()), Purpose.SUSPENSE, ledgerScope, bankEntryId), false);
    }

    private TopUp credit(TopUp topUp, UserView user, Purpose clearing, String scope, String idempotencyKey) {
        int exponent = exponent(topUp.currency());
        Money amount = new Money(topUp.amount(), topUp.currency(), exponent);
        Money fee = new Money(topUp.fee(), topUp.currency(), exponent);
        // A card or bank payer pays amount + fee; a voucher is worth its amount, of which the fee is kept.
        Money debit = topUp.method() == TopUpMethod.VOUCHER ? amount : amount.plus(fee);
        Money credited = topUp.method() == TopUpMethod.VOUCHER ? amount.minus(fee) : amount;
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(accounts.house(clearing, topUp.currency()).id(), debit));
        lines.add(Line.credit(accounts.wallet(OwnerType.USER, topUp.userId(), topUp.currency()).id(), credited));
        if (fee.isPositive()) {
            lines.add(Line.credit(accounts.house(Purpose.FEES, topUp.currency()).id(), fee));
        }
        String methodName = Messages.get(user.locale(), topUp.method().messageKey());
        PostingRequest posting = PostingRequest.of(scope, idempotencyKey, LEDGER_CODE, lines)
                .withExternalRef(topUp.authorisationId())
                .withMemo(methodName)
                .withEffects(PostingRequest.Effect.mail(user.email(), user.locale(),
                        RECEIPT_TEMPLATE, user.displayName(), credited.toDecimal() + " " + topUp.currency(),
                        fee.toDecimal() + " " + topUp.currency(), debit.toDecimal() + " " + topUp.currency(),
                        methodName, topUp.publicId(), home()));
        PostedTransaction posted = ledger.post(posting);
        return records.succeeded(topUp.publicId(), posted.id());
    }

    /** Tries to settle at once; when the processor is still unreachable the reconciliation job does it later. */
    private void settleQuietly(String topUpId) {
        try {
            settle(topUpId);
        } catch (BusinessException e) {
            LOG.info(() -> "Top-up " + topUpId + " left for the reconciliation job: " + e.code());
        }
    }

    private TopUpView replay(TopUp earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new BusinessException("idempotency_conflict", 409);
        }
        if (earlier.status() == TopUpStatus.FAILED) {
            // The first answer was this refusal: give it again rather than pretend it was something else.
            throw new BusinessException(earlier.failureCode(), "card_gateway_unavailable".equals(earlier.failureCode())
                    ? 503 : 422);
        }
        return view(earlier, true);
    }

    private TopUp owned(String userId, String topUpId) {
        return records.find(topUpId).filter(t -> t.userId().equals(userId)).orElseThrow(BusinessException::notFound);
    }

    private UserView verified(String userId) {
        UserView user = users.require(userId);
        if (!user.emailVerified()) {
            throw new BusinessException("email_not_verified", 403);
        }
        return user;
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new BusinessException("idempotency_key_invalid", 400);
        }
    }

    private TopUpView view(TopUp topUp, boolean replayed) {
        int exponent = exponent(topUp.currency());
        Money amount = new Money(topUp.amount(), topUp.currency(), exponent);
        Money fee = new Money(topUp.fee(), topUp.currency(), exponent);
        TopUpView.Card card = topUp.cardLastFour() == null ? null : new TopUpView.Card(topUp.cardBrand(),
                topUp.cardLastFour(), topUp.cardExpMonth(), topUp.cardExpYear());
        Money total = topUp.method() == TopUpMethod.VOUCHER ? amount : amount.plus(fee);
        return new TopUpView(topUp.publicId(), topUp.userId(), topUp.method(), topUp.status(), amount, fee, total,
                card, topUp.reference(), topUp.expiresAt(), topUp.failureCode(), topUp.transactionId(),
                topUp.createdAt(), replayed);
    }

    private int exponent(String currency) {
        return currencies.find(currency).map(Currency::exponent).orElseThrow();
    }

    private String home() {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/wallet/home.xhtml";
    }

    private static String hash(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
