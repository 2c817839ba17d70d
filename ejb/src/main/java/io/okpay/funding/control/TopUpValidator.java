package io.okpay.funding.control;

import io.okpay.currency.boundary.Amounts;
import io.okpay.funding.boundary.BankTransferTopUpCommand;
import io.okpay.funding.boundary.CardChallengeCommand;
import io.okpay.funding.boundary.CardInput;
import io.okpay.funding.boundary.CardTopUpCommand;
import io.okpay.funding.boundary.FeeQuote;
import io.okpay.funding.boundary.TokenisedCardTopUpCommand;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.boundary.VoucherTopUpCommand;
import io.okpay.funding.entity.CardDetails;
import io.okpay.funding.entity.VoucherCode;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where top-up commands are checked, before a top-up is looked up or written. Each command is checked
 * in the order its answers have always come: who pays (403 email_not_verified), the idempotency key (400
 * idempotency_key_invalid), then its fields, every wrong field at once (400 invalid_request with one error per field:
 * amount, currency, card.*). What a check accepts comes back typed: the fee quote, the card, the voucher code.
 */
@Dependent
public class TopUpValidator {

    @EJB
    Users users;

    @Inject
    Amounts amounts;

    @Inject
    FeeSchedule fees;

    /** A payer who may top up, and the amount priced within the method's limits. */
    public record Priced(UserView payer, FeeQuote quote) {
    }

    /** {@link Priced}, with the card as typed, accepted by {@link CardChecks}. */
    public record Card(UserView payer, FeeQuote quote, CardDetails card) {
    }

    /** The amount within the method's limits with its fee and total; field errors on amount and currency otherwise. */
    public FeeQuote quote(TopUpMethod method, String amount, String currency) {
        return fees.quote(method, amounts.positive(amount, currency));
    }

    public Card check(CardTopUpCommand command) {
        UserView payer = payer(command.userId());
        key(command.idempotencyKey());
        CardInput typed = command.card() == null ? new CardInput(null, null, null, null) : command.card();
        List<FieldError> errors = new ArrayList<>();
        FeeQuote quote = null;
        try {
            quote = quote(TopUpMethod.CARD, command.amount(), command.currency());
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
        return new Card(payer, quote, CardChecks.accept(typed.number(), typed.expMonth(), typed.expYear(), typed.cvc(),
                today));
    }

    public Priced check(TokenisedCardTopUpCommand command) {
        UserView payer = payer(command.userId());
        key(command.idempotencyKey());
        return new Priced(payer, quote(TopUpMethod.CARD, command.amount(), command.currency()));
    }

    public Priced check(BankTransferTopUpCommand command) {
        UserView payer = payer(command.userId());
        key(command.idempotencyKey());
        return new Priced(payer, quote(TopUpMethod.BANK_TRANSFER, command.amount(), command.currency()));
    }

    /** The payer; the code itself is {@link #code}, checked only once the guesses throttle lets it be tried. */
    public UserView check(VoucherTopUpCommand command) {
        UserView payer = payer(command.userId());
        key(command.idempotencyKey());
        return payer;
    }

    /** The voucher code in canonical form; a mistyped one is a 400 on the field {@code code}. */
    public VoucherCode code(VoucherTopUpCommand command) {
        return VoucherCode.parse(command.code());
    }

    /** The card as typed, accepted; a 400 listing every wrong field otherwise. */
    public CardDetails card(CardInput card) {
        CardInput typed = card == null ? new CardInput(null, null, null, null) : card;
        return CardChecks.accept(typed.number(), typed.expMonth(), typed.expYear(), typed.cvc(),
                YearMonth.now(ZoneOffset.UTC));
    }

    /** The issuer's one-time code without surrounding blanks: 4 to 8 digits, or a 400 on the field {@code code}. */
    public String code(CardChallengeCommand command) {
        String code = command.code() == null ? "" : command.code().strip();
        if (!code.matches("\\d{4,8}")) {
            throw BusinessException.invalid(List.of(new FieldError("code", "card_challenge_code_invalid")));
        }
        return code;
    }

    /** Money may only move for a person whose e-mail address is verified. */
    private UserView payer(String userId) {
        UserView user = users.require(userId);
        if (!user.emailVerified()) {
            throw new BusinessException("email_not_verified");
        }
        return user;
    }

    private static void key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new BusinessException("idempotency_key_invalid");
        }
    }
}
