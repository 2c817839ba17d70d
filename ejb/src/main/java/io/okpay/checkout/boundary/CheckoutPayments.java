package io.okpay.checkout.boundary;

import io.okpay.checkout.control.CheckoutFees;
import io.okpay.checkout.control.CheckoutRecords;
import io.okpay.checkout.control.CheckoutRules;
import io.okpay.checkout.control.CheckoutViews;
import io.okpay.checkout.entity.CheckoutPayment;
import io.okpay.checkout.entity.CheckoutRefund;
import io.okpay.checkout.entity.CheckoutSession;
import io.okpay.checkout.entity.PaymentStatus;
import io.okpay.identity.boundary.Operation;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.risk.boundary.RiskCheck;
import io.okpay.risk.boundary.RiskKind;
import io.okpay.risk.boundary.RiskReason;
import io.okpay.risk.boundary.RiskRules;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.webhook.boundary.WebhookEvents;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.okpay.ledger.boundary.PostingRequest.Effect.mail;

/**
 * People paying checkout sessions from their balance, and merchants reading their payments.
 * <p>
 * No transaction of its own (like Transfers): the payment row is claimed under the session's lock, the ledger posts
 * in its own transaction under the key "pay:" + session id in the scope "checkout" (so a session is paid at most
 * once, whoever clicks how often), and the payment and session are marked done in a third. The posting's effects
 * (receipt, order e-mail, checkout.session.completed and payment.succeeded events) follow from the stored session and
 * payment rows alone, so a repeated attempt builds the very same posting and the ledger answers with the first one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutPayments {

    /** The step-up action a checkout payment's one-time code is issued for. */
    public static final String STEP_UP_ACTION = "checkout-pay";
    public static final String LEDGER_SCOPE = "checkout";
    static final String LEDGER_CODE = "payment";
    static final String SESSION_COMPLETED = "checkout.session.completed";
    static final String PAYMENT_SUCCEEDED = "payment.succeeded";

    @EJB
    CheckoutSessions sessions;

    @EJB
    CheckoutRecords records;

    @Inject
    CheckoutViews views;

    @Inject
    CheckoutFees fees;

    @EJB
    Merchants merchants;

    @EJB
    Users users;

    @EJB
    StepUp stepUp;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    RiskRules risk;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** Everything the checkout page shows before the payer confirms; refuses what can be refused now. */
    public PayQuote quote(String payerId, String sessionId) {
        SessionView session = sessions.forCheckout(sessionId);
        UserView payer = users.require(payerId);
        MerchantView merchant = merchants.require(session.merchantId());
        check(payer, session, merchant);
        Money amount = session.amount();
        long available = accounts.accountsOf(OwnerType.USER, payerId, Purpose.WALLET).stream()
                .filter(w -> w.currency().equals(amount.currency()) && w.status() == AccountStatus.ACTIVE)
                .mapToLong(AccountSnapshot::available).findFirst().orElse(0L);
        return new PayQuote(session, merchant.businessName(), new Money(available, amount.currency(), amount.exponent()),
                stepUpRequired(payerId, merchant.id(), amount));
    }

    /**
     * Pays the session from the payer's balance in its currency. When a one-time code is needed and none is given,
     * e-mails one and throws {@link StepUpRequired}. A session this payer already paid answers with that payment.
     */
    public PaymentView pay(String payerId, String sessionId, String challengeId, String code) {
        SessionView session = sessions.forCheckout(sessionId);
        UserView payer = users.require(payerId);
        MerchantView merchant = merchants.require(session.merchantId());
        var earlier = records.payment(sessionId).filter(p -> p.status() == PaymentStatus.SUCCEEDED);
        if (earlier.isPresent()) {
            return alreadyPaid(earlier.get(), payerId);
        }
        check(payer, session, merchant);
        if (stepUpRequired(payerId, merchant.id(), session.amount())) {
            // The code approves this session's amount to this shop only (dynamic linking).
            Operation operation = operation(session, merchant);
            if (challengeId == null || challengeId.isBlank()) {
                risk.decide(riskCheck(payerId, merchant.id(), session.amount()));
                throw new StepUpRequired(stepUp.begin(payerId, operation));
            }
            stepUp.verify(payerId, challengeId, operation, code);
        }
        Money amount = session.amount();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CheckoutPayment reserved = records.reservePayment(sessionId, payerId, fees.feeFor(amount).minor(), now);
        if (reserved.status() == PaymentStatus.SUCCEEDED) {
            return alreadyPaid(reserved, payerId);
        }
        CheckoutSession row = records.session(sessionId).orElseThrow();
        PostedTransaction posted;
        try {
            posted = ledger.post(posting(row, reserved, payer, merchant));
        } catch (BusinessException refused) {
            records.releasePayment(reserved.publicId());
            if ("idempotency_conflict".equals(refused.code())) {
                // Someone else's attempt on the same session won: the session is paid, not by this payer.
                throw new BusinessException("session_complete");
            }
            throw refused;
        }
        CheckoutPayment paid = records.completePayment(reserved, payerId, posted.id(), posted.createdAt());
        return views.payment(paid, row);
    }

    /** The merchant's payment; 404 for anyone else's. */
    public PaymentView find(String merchantId, String paymentId) {
        CheckoutPayment payment = records.paymentById(paymentId)
                .filter(p -> p.merchantId().equals(merchantId) && p.status() == PaymentStatus.SUCCEEDED)
                .orElseThrow(BusinessException::notFound);
        return views.payment(payment, records.session(payment.sessionId()).orElseThrow());
    }

    /**
     * The merchant's payments, newest first, optionally only those in a status (succeeded, partially_refunded,
     * refunded) and created in [from, to); {@code startingAfter} is the id of the last payment of the previous page.
     */
    public PaymentPage list(String merchantId, String status, Instant from, Instant to, String startingAfter, int limit) {
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            before = records.paymentById(startingAfter).filter(p -> p.merchantId().equals(merchantId))
                    .map(CheckoutPayment::id)
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))));
        }
        String refundedIs = switch (status == null || status.isBlank() ? "any" : status) {
            case "any" -> "";
            case "succeeded" -> " AND p.refunded = 0";
            case "partially_refunded" -> " AND p.refunded > 0 AND p.refunded < p.amount";
            case "refunded" -> " AND p.refunded = p.amount";
            default -> throw BusinessException.invalid(List.of(new FieldError("status", "status_invalid")));
        };
        int size = Math.max(1, Math.min(limit, 100));
        TypedQuery<CheckoutPayment> query = em.createQuery("SELECT p FROM CheckoutPayment p WHERE p.merchantId = :merchantId "
                        + "AND p.status = :succeeded AND p.id < :before AND p.createdAt >= :from AND p.createdAt < :to"
                        + refundedIs + " ORDER BY p.id DESC", CheckoutPayment.class)
                .setParameter("merchantId", merchantId).setParameter("succeeded", PaymentStatus.SUCCEEDED)
                .setParameter("before", before)
                .setParameter("from", from == null ? Instant.EPOCH : from)
                .setParameter("to", to == null ? Instant.parse("9999-01-01T00:00:00Z") : to);
        List<CheckoutPayment> rows = query.setMaxResults(size + 1).getResultList();
        List<PaymentView> page = new ArrayList<>();
        for (CheckoutPayment p : rows.subList(0, Math.min(size, rows.size()))) {
            page.add(views.payment(p, records.session(p.sessionId()).orElseThrow()));
        }
        return new PaymentPage(page, rows.size() > size);
    }

    /**
     * The checkout payments and refunds these ledger transactions made, by transaction id, as their payer sees them
     * (shop, order, payment, refund); other transactions are not in the map.
     */
    public Map<String, ShopOrder> ordersOf(Collection<String> transactionIds) {
        Map<String, ShopOrder> orders = new HashMap<>();
        if (transactionIds.isEmpty()) {
            return orders;
        }
        Map<String, String> shopNames = new HashMap<>();
        em.createQuery("SELECT p, s FROM CheckoutPayment p, CheckoutSession s WHERE s.publicId = p.sessionId "
                        + "AND p.transactionId IN :ids", Object[].class)
                .setParameter("ids", transactionIds).getResultStream().forEach(row -> {
                    CheckoutPayment payment = (CheckoutPayment) row[0];
                    CheckoutSession session = (CheckoutSession) row[1];
                    orders.put(payment.transactionId(), new ShopOrder(payment.transactionId(), payment.merchantId(),
                            shopName(payment.merchantId(), shopNames), session.merchantReference(),
                            session.description(), payment.publicId(), null, null));
                });
        em.createQuery("SELECT r, p, s FROM CheckoutRefund r, CheckoutPayment p, CheckoutSession s "
                        + "WHERE p.publicId = r.paymentId AND s.publicId = p.sessionId AND r.transactionId IN :ids", Object[].class)
                .setParameter("ids", transactionIds).getResultStream().forEach(row -> {
                    CheckoutRefund refund = (CheckoutRefund) row[0];
                    CheckoutPayment payment = (CheckoutPayment) row[1];
                    CheckoutSession session = (CheckoutSession) row[2];
                    orders.put(refund.transactionId(), new ShopOrder(refund.transactionId(), payment.merchantId(),
                            shopName(payment.merchantId(), shopNames), session.merchantReference(),
                            session.description(), payment.publicId(), refund.publicId(), refund.reason()));
                });
        return orders;
    }

    /**
     * The ledger transactions of this payer's payments and refunds at shops whose name matches {@code like} (a
     * lower-case LIKE pattern escaped with '!'), for a history filtered by counterparty.
     */
    public Set<String> transactionsAtShops(String payerId, String like) {
        Set<String> found = new HashSet<>(em.createQuery("SELECT p.transactionId FROM CheckoutPayment p, Merchant m "
                        + "WHERE m.publicId = p.merchantId AND p.payerId = :payer AND p.transactionId IS NOT NULL "
                        + "AND lower(m.businessName) LIKE :term ESCAPE '!'", String.class)
                .setParameter("payer", payerId).setParameter("term", like).getResultList());
        found.addAll(em.createQuery("SELECT r.transactionId FROM CheckoutRefund r, CheckoutPayment p, Merchant m "
                        + "WHERE p.publicId = r.paymentId AND m.publicId = p.merchantId AND p.payerId = :payer "
                        + "AND r.transactionId IS NOT NULL AND lower(m.businessName) LIKE :term ESCAPE '!'", String.class)
                .setParameter("payer", payerId).setParameter("term", like).getResultList());
        return found;
    }

    private String shopName(String merchantId, Map<String, String> known) {
        return known.computeIfAbsent(merchantId, id -> merchants.require(id).businessName());
    }

    private PaymentView alreadyPaid(CheckoutPayment payment, String payerId) {
        if (!payment.payerId().equals(payerId)) {
            throw new BusinessException("session_complete");
        }
        return views.payment(payment, records.session(payment.sessionId()).orElseThrow());
    }

    private void check(UserView payer, SessionView session, MerchantView merchant) {
        if (!payer.emailVerified()) {
            throw new BusinessException("email_not_verified");
        }
        if (session.status() == SessionStatus.COMPLETE) {
            throw new BusinessException("session_complete");
        }
        if (session.status() == SessionStatus.EXPIRED) {
            throw new BusinessException("session_expired");
        }
        if (merchant.ownerId().equals(payer.id())) {
            throw new BusinessException("own_merchant_payment");
        }
        if (!merchant.live()) {
            throw new BusinessException("merchant_not_live");
        }
    }

    private boolean stepUpRequired(String payerId, String merchantId, Money amount) {
        return risk.assess(riskCheck(payerId, merchantId, amount)).codeRequired();
    }

    /** What the risk rules weigh for a payment: a large amount, or a shop the payer never paid before. */
    private RiskCheck riskCheck(String payerId, String merchantId, Money amount) {
        Set<RiskReason> signals = EnumSet.noneOf(RiskReason.class);
        if (CheckoutRules.aboveStepUpThreshold(amount)) {
            signals.add(RiskReason.AMOUNT_ABOVE_THRESHOLD);
        } else if (records.paymentsBy(payerId, merchantId) == 0) {
            signals.add(RiskReason.NEW_RECIPIENT);
        }
        return new RiskCheck(payerId, RiskKind.PAY, amount, signals);
    }

    /** The operation a payment's code approves: this session's amount, to this shop (named by its business name). */
    private static Operation operation(SessionView session, MerchantView merchant) {
        return new Operation(STEP_UP_ACTION, session.amount(), merchant.businessName(),
                merchant.id() + "/" + session.id());
    }

    /** The operation a code for paying this session approves, for a page's "send the code again". */
    public Operation operation(String sessionId) {
        SessionView session = sessions.forCheckout(sessionId);
        return operation(session, merchants.require(session.merchantId()));
    }

    /** The one posting of a payment; everything in it follows from the stored rows, so a retry builds the same. */
    private PostingRequest posting(CheckoutSession session, CheckoutPayment payment, UserView payer, MerchantView merchant) {
        Money amount = views.money(payment.amount(), payment.currency());
        Money fee = views.money(payment.fee(), payment.currency());
        Money net = amount.minus(fee);
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(accounts.wallet(OwnerType.USER, payer.id(), amount.currency()).id(), amount));
        lines.add(Line.credit(accounts.wallet(OwnerType.MERCHANT, merchant.id(), amount.currency()).id(), net));
        if (fee.isPositive()) {
            lines.add(Line.credit(accounts.house(Purpose.FEES, amount.currency()).id(), fee));
        }
        // The payment as it is once this posting is made: succeeded, paid by this payer, nothing refunded.
        PaymentView paid = new PaymentView(payment.publicId(), session.publicId(), merchant.id(), payer.id(), payer.email(),
                amount, fee, Money.zero(amount.currency(), amount.exponent()), session.merchantReference(),
                session.description(), payment.createdAt());
        Locale merchantLocale = users.require(merchant.ownerId()).locale();
        String reference = session.merchantReference() == null ? "-" : session.merchantReference();
        String description = session.description() == null ? "-" : session.description();
        List<PostingRequest.Effect> effects = List.of(
                mail(payer.email(), payer.locale(), "checkout-receipt", payer.displayName(),
                        MoneyFormat.format(amount, payer.locale()), merchant.businessName(), reference,
                        payment.publicId(), description, merchant.supportEmail()),
                mail(merchant.supportEmail(), merchantLocale, "checkout-order", merchant.businessName(),
                        MoneyFormat.format(amount, merchantLocale), MoneyFormat.format(fee, merchantLocale),
                        MoneyFormat.format(net, merchantLocale), reference, payment.publicId(), payer.email()),
                WebhookEvents.effect(WebhookEvents.eventId(SESSION_COMPLETED, session.publicId()), merchant.id(),
                        SESSION_COMPLETED, CheckoutJson.session(views.completed(session))),
                WebhookEvents.effect(WebhookEvents.eventId(PAYMENT_SUCCEEDED, payment.publicId()), merchant.id(),
                        PAYMENT_SUCCEEDED, CheckoutJson.payment(paid)));
        return PostingRequest.of(LEDGER_SCOPE, "pay:" + session.publicId(), LEDGER_CODE, lines)
                .withExternalRef(session.publicId())
                .withEffects(effects);
    }
}
