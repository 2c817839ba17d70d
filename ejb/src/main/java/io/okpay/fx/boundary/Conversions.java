package io.okpay.fx.boundary;

import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.boundary.Currency;
import io.okpay.fx.control.ConversionPricing;
import io.okpay.fx.control.QuoteRecords;
import io.okpay.fx.entity.FxQuote;
import io.okpay.identity.boundary.Operation;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.risk.boundary.RiskCheck;
import io.okpay.risk.boundary.RiskKind;
import io.okpay.risk.boundary.RiskRules;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.BusinessException;
import io.okpay.shared.IdempotencyKey;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import io.okpay.shared.persistence.WriteConflict;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Converting between a person's own balances. {@link #quote} fixes rate, amounts and fee for
 * {@code okpay.fx.quote-ttl} and stores them; {@link #convert} moves exactly those numbers, once per quote.
 * <p>
 * No transaction of its own (like transfers): the ledger posts in its own, and the quote row changes in short ones
 * around it. Exactly once: the posting's idempotency key is the quote id, so however many requests race on a quote,
 * the ledger writes one transaction and every request gets it. The client's Idempotency-Key is bound to the quote
 * before the posting (unique per user), so one key never converts two quotes; a quote whose key was bound before it
 * expired still converts after a lost answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Conversions {

    /** The step-up action a large conversion's code is issued for. */
    public static final String STEP_UP_ACTION = "convert";

    static final String LEDGER_SCOPE = "fx-conversion";
    static final String LEDGER_CODE = "fx_conversion";

    @EJB
    Users users;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @Inject
    ExchangeRates exchangeRates;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    QuoteRecords records;

    @Inject
    @ConfigProperty(name = "okpay.fx.spread-bps", defaultValue = "50")
    int spreadBps;

    @Inject
    @ConfigProperty(name = "okpay.fx.fee-bps", defaultValue = "0")
    int feeBps;

    @EJB
    StepUp stepUp;

    @EJB
    RiskRules risk;

    @Inject
    @ConfigProperty(name = "okpay.fx.quote-ttl", defaultValue = "PT30S")
    Duration quoteTtl;

    /**
     * Quotes selling {@code sellAmount} or buying {@code buyAmount} (exactly one of them). Field errors name
     * sell_currency, buy_currency, sell_amount, buy_amount.
     */
    public FxQuoteView quote(String userId, String sellCurrency, String buyCurrency, String sellAmount, String buyAmount) {
        return quote(userId, sellCurrency, buyCurrency, sellAmount, buyAmount, null, null);
    }

    /**
     * As {@link #quote(String, String, String, String, String)}; a conversion whose sell amount is above the risk
     * rules' threshold is quoted only with a one-time code: without {@code challengeId} a code bound to the amount
     * asked and the currency pair is sent and {@link StepUpRequired} thrown; the same request with the code gets the
     * quote (the code is asked here, not at {@link #convert}, so that the quote's seconds are not spent typing it).
     */
    public FxQuoteView quote(String userId, String sellCurrency, String buyCurrency, String sellAmount, String buyAmount,
                             String challengeId, String code) {
        verified(userId);
        List<FieldError> errors = new ArrayList<>();
        Currency sell = currency(sellCurrency, "sell_currency", errors);
        Currency buy = currency(buyCurrency, "buy_currency", errors);
        if (sell != null && buy != null && sell.code().equals(buy.code())) {
            errors.add(new FieldError("buy_currency", "fx_same_currency"));
        }
        boolean selling = sellAmount != null;
        if (selling == (buyAmount != null)) {
            errors.add(new FieldError(selling ? "buy_amount" : "sell_amount", "fx_one_amount"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        String field = selling ? "sell_amount" : "buy_amount";
        Money asked = selling ? amounts.parse(sellAmount, sell.code(), Money.Sign.POSITIVE, field, "sell_currency")
                : amounts.parse(buyAmount, buy.code(), Money.Sign.POSITIVE, field, "buy_currency");
        BigDecimal mid = exchangeRates.midRate(sell.code(), buy.code());
        BigDecimal rate = ConversionPricing.customerRate(mid, spreadBps);
        ConversionPricing.Priced priced;
        try {
            priced = selling ? ConversionPricing.selling(asked.minor(), sell.exponent(), buy.exponent(), rate, feeBps)
                    : ConversionPricing.buying(asked.minor(), sell.exponent(), buy.exponent(), rate, feeBps);
            Math.addExact(priced.sell(), priced.fee());
        } catch (ArithmeticException e) {
            throw BusinessException.invalid(List.of(new FieldError(field, "amount_too_large")));
        }
        if (priced.buy() <= 0) {
            throw BusinessException.invalid(List.of(new FieldError(field, "fx_amount_too_small")));
        }
        approve(userId, new Money(priced.sell(), sell.code(), sell.exponent()),
                new Operation(STEP_UP_ACTION, asked, sell.code() + " → " + buy.code(),
                        sell.code() + ">" + buy.code() + (selling ? ":sell" : ":buy")), challengeId, code);
        Instant now = Instant.now();
        FxQuote quote = new FxQuote(PublicIds.newId("fxq"), userId, sell.code(), buy.code(), priced.sell(), priced.buy(),
                priced.fee(), rate.toPlainString(), mid.toPlainString(),
                selling ? FxQuote.FixedSide.SELL : FxQuote.FixedSide.BUY, now, now.plus(quoteTtl));
        records.insert(quote);
        return quoteView(quote);
    }

    /** A large conversion needs the person's code, bound to the amount asked and the currency pair. */
    private void approve(String userId, Money sell, Operation operation, String challengeId, String code) {
        RiskCheck check = new RiskCheck(userId, RiskKind.CONVERT, sell, Set.of());
        if (!risk.assess(check).codeRequired()) {
            return;
        }
        if (challengeId == null || challengeId.isBlank()) {
            risk.decide(check);
            throw new StepUpRequired(stepUp.begin(userId, operation));
        }
        stepUp.verify(userId, challengeId, operation, code);
    }

    /** One of the user's quotes; 404 for anyone else's. */
    public FxQuoteView findQuote(String userId, String quoteId) {
        return quoteView(owned(userId, quoteId));
    }

    /**
     * Executes a quote once. A converted quote answers its conversion (replayed) to any key of its owner; an expired one
     * is 409 quote_expired; the same key for another quote is 409 idempotency_conflict; a balance too low for sell plus
     * fee is the ledger's insufficient_funds.
     */
    public FxConversionView convert(String userId, String idempotencyKey, String quoteId) {
        IdempotencyKey.of(idempotencyKey);
        verified(userId);
        if (quoteId == null || quoteId.isBlank()) {
            throw BusinessException.invalid(List.of(new FieldError("quote_id", "fx_quote_required")));
        }
        FxQuote quote = owned(userId, quoteId);
        var keyed = records.byKey(userId, idempotencyKey);
        if (keyed.isPresent() && !keyed.get().id().equals(quote.id())) {
            throw new BusinessException("idempotency_conflict");
        }
        if (quote.converted()) {
            return conversionView(quote, true);
        }
        boolean claimedNow = false;
        if (quote.idempotencyKey() == null) {
            if (!quote.expiresAt().isAfter(Instant.now())) {
                throw new BusinessException("quote_expired");
            }
            try {
                claimedNow = records.claim(quote.id(), idempotencyKey);
            } catch (WriteConflict e) {
                throw new BusinessException("idempotency_conflict"); // a concurrent request bound this key elsewhere
            }
        }
        PostedTransaction posted;
        try {
            if (claimedNow) {
                refuseEarlyWhenShort(quote); // a quote claimed before may have posted already: then the ledger replays
            }
            posted = ledger.post(posting(quote));
        } catch (BusinessException refused) {
            if (claimedNow) {
                records.release(quote.id(), idempotencyKey);
            }
            throw refused;
        }
        records.converted(quote.id(), PublicIds.newId("fxc"), posted.id(), posted.createdAt());
        FxQuote done = records.byPublicId(quote.publicId()).orElseThrow();
        return conversionView(done, posted.replayed() || !claimedNow);
    }

    /** A conversion of the user; 404 for anyone else's. */
    public FxConversionView findConversion(String userId, String conversionId) {
        return records.byConversionId(conversionId).filter(q -> q.userId().equals(userId))
                .map(q -> conversionView(q, false)).orElseThrow(BusinessException::notFound);
    }

    /**
     * Both legs through OKPay's FX position in each currency (debit positive): the sell wallet gives sell + fee, the
     * sell position takes sell and FEES the fee; the buy position gives buy and the buy wallet (opened on first use)
     * takes it. Each currency sums to zero.
     */
    private PostingRequest posting(FxQuote quote) {
        Money sell = money(quote.sellAmount(), quote.sellCurrency());
        Money fee = money(quote.fee(), quote.sellCurrency());
        Money buy = money(quote.buyAmount(), quote.buyCurrency());
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(accounts.wallet(OwnerType.USER, quote.userId(), sell.currency()).id(), sell.plus(fee)));
        lines.add(Line.credit(accounts.house(Purpose.FX_POSITION, sell.currency()).id(), sell));
        if (fee.isPositive()) {
            lines.add(Line.credit(accounts.house(Purpose.FEES, fee.currency()).id(), fee));
        }
        lines.add(Line.debit(accounts.house(Purpose.FX_POSITION, buy.currency()).id(), buy));
        lines.add(Line.credit(accounts.wallet(OwnerType.USER, quote.userId(), buy.currency()).id(), buy));
        return PostingRequest.of(LEDGER_SCOPE, quote.publicId(), LEDGER_CODE, lines)
                .withExternalRef(quote.publicId())
                .withMemo(sell.currency() + "->" + buy.currency() + " at " + quote.rate());
    }

    /**
     * The ledger decides under its locks; this early look only keeps a refused conversion from opening an empty wallet
     * in the buy currency.
     */
    private void refuseEarlyWhenShort(FxQuote quote) {
        long available = accounts.accountsOf(OwnerType.USER, quote.userId(), Purpose.WALLET).stream()
                .filter(w -> w.currency().equals(quote.sellCurrency())).findFirst()
                .map(AccountSnapshot::available).orElse(0L);
        if (available < quote.sellAmount() + quote.fee()) {
            throw new BusinessException("insufficient_funds");
        }
    }

    private void verified(String userId) {
        UserView user = users.require(userId);
        if (!user.emailVerified()) {
            throw new BusinessException("email_not_verified");
        }
    }

    private FxQuote owned(String userId, String quoteId) {
        return records.byPublicId(quoteId).filter(q -> q.userId().equals(userId)).orElseThrow(BusinessException::notFound);
    }

    private Currency currency(String code, String field, List<FieldError> errors) {
        Currency found = currencies.findEnabled(code).orElse(null);
        if (found == null) {
            errors.add(new FieldError(field, "currency_unsupported"));
        }
        return found;
    }

    private Money money(long minor, String currency) {
        return currencies.money(minor, currency);
    }

    private FxQuoteView quoteView(FxQuote q) {
        return new FxQuoteView(q.publicId(), money(q.sellAmount(), q.sellCurrency()), money(q.buyAmount(), q.buyCurrency()),
                money(q.fee(), q.sellCurrency()), q.rate(), q.expiresAt());
    }

    private FxConversionView conversionView(FxQuote q, boolean replayed) {
        return new FxConversionView(q.conversionId(), q.publicId(), money(q.sellAmount(), q.sellCurrency()),
                money(q.buyAmount(), q.buyCurrency()), money(q.fee(), q.sellCurrency()), q.rate(), q.transactionId(),
                q.convertedAt(), replayed);
    }
}
