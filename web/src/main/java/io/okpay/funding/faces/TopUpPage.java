package io.okpay.funding.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.funding.boundary.BankTransferTopUpCommand;
import io.okpay.funding.boundary.BankTransferTopUps;
import io.okpay.funding.boundary.CardChallengeCommand;
import io.okpay.funding.boundary.CardInput;
import io.okpay.funding.boundary.CardTopUps;
import io.okpay.funding.boundary.TokenisedCardTopUpCommand;
import io.okpay.funding.boundary.TopUpView;
import io.okpay.funding.boundary.VoucherTopUpCommand;
import io.okpay.funding.boundary.VoucherTopUps;
import io.okpay.funding.boundary.CardToken;
import io.okpay.funding.boundary.FeeQuote;
import io.okpay.funding.boundary.CardBrand;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.boundary.TopUpStatus;
import io.okpay.funding.rest.ReceivingAccount;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Messages;
import io.okpay.shared.faces.MoneyForm;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.faces.PreferredCurrency;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * /funding/topup.xhtml, one step at a time: method, details, confirmation (amount, fee, total, method, card), the
 * card issuer's one-time code when asked, and the result (for a bank transfer: the reference and where to send it). The card is tokenised before the confirmation, so the
 * page keeps only the processor's token, brand, last four digits and expiry. The idempotency key lives as long as
 * the view: submitting the confirmation twice charges once. Its steps are its own (a method to choose first, the
 * card's code after the confirmation); the amount, currency, key and priced amounts are a {@link MoneyForm}'s.
 */
@Named
@ViewScoped
public class TopUpPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "topup";
    /** API field names to the ids of the inputs on this page. */
    private static final Map<String, String> INPUTS = Map.of("amount", "amount", "currency", "currency",
            CardInput.NUMBER, "number", CardInput.EXP_MONTH, "expMonth", CardInput.EXP_YEAR, "expYear",
            CardInput.CVC, "cvc", "code", "code", "otp", "otp");

    public enum Step { METHOD, DETAILS, CONFIRM, CODE, DONE }

    @EJB
    transient CardTopUps cardTopUps;

    @EJB
    transient BankTransferTopUps bankTransferTopUps;

    @EJB
    transient VoucherTopUps voucherTopUps;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient Currencies currencies;

    @Inject
    transient ReceivingAccount bank;

    @Inject
    transient PreferredCurrency preferredCurrency;

    private final MoneyForm form = new MoneyForm(FORM);
    private Step step = Step.METHOD;
    private TopUpMethod method;
    // What was typed for the card: dropped as soon as the processor has tokenised it.
    private transient String number;
    private transient String cvc;
    private Integer expMonth;
    private Integer expYear;
    private String code;

    private String cardToken;
    private String cardBrand;
    private String cardLastFour;
    private int cardExpMonth;
    private int cardExpYear;

    private String topUpId;
    private TopUpStatus status;
    private String reference;
    private String expiresText;

    /** The form starts in the currency the person holds most of, or the one of their country. */
    @PostConstruct
    void start() {
        form.setCurrency(preferredCurrency.code());
    }

    public String chooseCard() {
        method = TopUpMethod.CARD;
        step = Step.DETAILS;
        return null;
    }

    public String chooseBankTransfer() {
        method = TopUpMethod.BANK_TRANSFER;
        step = Step.DETAILS;
        return null;
    }

    public String chooseVoucher() {
        method = TopUpMethod.VOUCHER;
        step = Step.DETAILS;
        return null;
    }

    public String back() {
        step = step == Step.CONFIRM ? Step.DETAILS : Step.METHOD;
        return null;
    }

    /**
     * Card: checks everything, tokenises the card and shows the confirmation. Bank transfer: shows the confirmation.
     * Voucher: redeems the code.
     */
    public String review() {
        if (method == TopUpMethod.VOUCHER) {
            try {
                show(voucherTopUps.topUp(new VoucherTopUpCommand(currentUser.id(), form.getKey(), code)));
            } catch (BusinessException e) {
                form.newKey();
                error(e);
            }
            code = null;
            return null;
        }
        if (method == TopUpMethod.BANK_TRANSFER) {
            try {
                FeeQuote quote = bankTransferTopUps.quote(form.getAmount(), form.getCurrency());
                form.priced(quote.amount(), quote.fee(), quote.total());
                step = Step.CONFIRM;
            } catch (BusinessException e) {
                error(e);
            }
            return null;
        }
        // The typed card leaves the bean now, whatever happens next.
        String typedNumber = number;
        String typedCvc = cvc;
        number = null;
        cvc = null;
        List<FieldError> errors = new ArrayList<>();
        FeeQuote quote = null;
        try {
            quote = cardTopUps.quote(form.getAmount(), form.getCurrency());
        } catch (BusinessException e) {
            if (e.fieldErrors().isEmpty()) {
                error(e);
                return null;
            }
            errors.addAll(e.fieldErrors());
        }
        CardInput card = new CardInput(typedNumber, expMonth, expYear, typedCvc);
        errors.addAll(card.problems(YearMonth.now(ZoneOffset.UTC)));
        if (!errors.isEmpty()) {
            error(BusinessException.invalid(errors));
            return null;
        }
        try {
            CardToken token = cardTopUps.tokenise(card);
            cardToken = token.token();
            cardBrand = token.brand().wireName();
            cardLastFour = token.lastFour();
            cardExpMonth = token.expMonth();
            cardExpYear = token.expYear();
        } catch (BusinessException e) {
            error(e);
            return null;
        }
        form.priced(quote.amount(), quote.fee(), quote.total());
        step = Step.CONFIRM;
        return null;
    }

    /** Charges the card (or asks for the transfer); a second submit of the same confirmation answers the first top-up. */
    public String confirm() {
        if (method == TopUpMethod.BANK_TRANSFER) {
            try {
                show(bankTransferTopUps.topUp(new BankTransferTopUpCommand(currentUser.id(), form.getKey(),
                        form.getAmount(), form.getCurrency())));
            } catch (BusinessException e) {
                attemptOver(e);
            }
            return null;
        }
        CardToken token = new CardToken(cardToken, CardBrand.fromWireName(cardBrand).orElseThrow(), cardLastFour,
                cardExpMonth, cardExpYear);
        try {
            show(cardTopUps.topUp(new TokenisedCardTopUpCommand(currentUser.id(), form.getKey(), form.getAmount(),
                    form.getCurrency(), token)));
        } catch (BusinessException e) {
            attemptOver(e);
        }
        return null;
    }

    public String submitCode() {
        try {
            show(cardTopUps.completeChallenge(new CardChallengeCommand(currentUser.id(), topUpId, code)));
        } catch (BusinessException e) {
            if ("card_challenge_code_wrong".equals(e.code())) {
                error(BusinessException.invalid(List.of(new FieldError("otp", e.code()))));
            } else {
                attemptOver(e);
            }
        }
        code = null;
        return null;
    }

    private void show(TopUpView view) {
        topUpId = view.id();
        reference = view.reference();
        expiresText = view.expiresAt() == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(view.expiresAt().atZone(currentUser.zone()));
        status = view.status();
        form.priced(view.amount(), view.fee(), view.total());
        step = view.status() == TopUpStatus.REQUIRES_ACTION ? Step.CODE : Step.DONE;
    }

    /** This attempt is over (declined, or the processor was unreachable): a new one needs a new key. */
    private void attemptOver(BusinessException e) {
        form.newKey();
        step = Step.DETAILS;
        error(e);
    }

    private static void error(BusinessException e) {
        PageMessages.show(e, FORM, INPUTS::get);
    }

    public List<String> getCurrencies() {
        return currencies.enabledCodes();
    }

    public String getMethodName() {
        return method == null ? "" : Messages.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                method.messageKey());
    }

    public String getCardText() {
        return cardBrand == null || method != TopUpMethod.CARD ? "" : Messages.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                "card.brand." + cardBrand) + " •••• " + cardLastFour;
    }

    public Step getStep() {
        return step;
    }

    public boolean isCard() {
        return method == TopUpMethod.CARD;
    }

    public boolean isBankTransfer() {
        return method == TopUpMethod.BANK_TRANSFER;
    }

    public boolean isPending() {
        return status == TopUpStatus.PENDING;
    }

    public String getReference() {
        return reference;
    }

    public String getExpiresText() {
        return expiresText;
    }

    public ReceivingAccount getBank() {
        return bank;
    }

    public MoneyForm getForm() {
        return form;
    }

    public String getNumber() {
        return null;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getCvc() {
        return null;
    }

    public void setCvc(String cvc) {
        this.cvc = cvc;
    }

    public Integer getExpMonth() {
        return expMonth;
    }

    public void setExpMonth(Integer expMonth) {
        this.expMonth = expMonth;
    }

    public Integer getExpYear() {
        return expYear;
    }

    public void setExpYear(Integer expYear) {
        this.expYear = expYear;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTopUpId() {
        return topUpId;
    }

    public boolean isSucceeded() {
        return status == TopUpStatus.SUCCEEDED;
    }
}
