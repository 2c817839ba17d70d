package io.okpay.wallet.boundary;

import io.okpay.shared.Balance;
import io.okpay.checkout.boundary.CheckoutPayments;
import io.okpay.checkout.boundary.ShopOrder;
import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.fx.boundary.ExchangeRates;
import io.okpay.fx.boundary.RateTable;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.AccountType;
import io.okpay.ledger.entity.LedgerEntry;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.transfer.entity.Transfer;
import io.okpay.wallet.control.CurrencyChoice;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's money: the balances, one per currency they have used (by currency code), the history of their wallets
 * (filtered, paged, one transaction in detail, exported) and monthly statements. Reads the ledger's entries directly
 * (read-only) so that one query pages across every wallet.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Wallets {

    /** An export longer than this asks for a shorter range rather than building a file nobody can open. */
    static final int EXPORT_MAX_ROWS = 20_000;

    private static final String ENTRY_ROWS = "SELECT e, t.publicId, t.code, t.memo FROM LedgerEntry e, JournalTransaction t "
            + "WHERE t.id = e.transactionId AND e.accountId IN :accounts";

    @EJB
    LedgerAccounts accounts;

    @EJB
    Currencies currencies;

    @EJB
    Users users;

    @EJB
    CheckoutPayments checkoutPayments;

    @Inject
    ExchangeRates rates;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    public List<Balance> balances(String userId) {
        return accounts.accountsOf(OwnerType.USER, userId, Purpose.WALLET).stream().map(this::balance).toList();
    }

    /** The history of one currency and one ledger code (either null for all); see {@link #activity(String, HistoryFilter, Long, int)}. */
    public Activity activity(String userId, String currency, String code, Long before, int limit) {
        return activity(userId, HistoryFilter.of(currency, code), before, limit);
    }

    /**
     * The person's entries across wallets, newest first, as the filter says; {@code before} is the previous page's
     * {@code nextCursor}; {@code limit} is capped at 100.
     */
    public Activity activity(String userId, HistoryFilter filter, Long before, int limit) {
        Map<Long, AccountSnapshot> wallets = walletsOf(userId, filter.currency());
        Set<String> withCounterparty = filter.counterparty() == null ? null : transactionsWith(userId, filter.counterparty());
        if (wallets.isEmpty() || (withCounterparty != null && withCounterparty.isEmpty())) {
            return new Activity(List.of(), null);
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<Object[]> rows = entryRows(wallets.keySet(), filter, withCounterparty, before, "e.id DESC", size + 1);
        List<Object[]> shown = rows.subList(0, Math.min(size, rows.size()));
        return new Activity(items(userId, wallets, shown),
                rows.size() > size ? ((LedgerEntry) shown.get(shown.size() - 1)[0]).id() : null);
    }

    /**
     * Every entry the filter selects, oldest first (each wallet's entries in their ledger order, so the running
     * balances follow each other), for a CSV export. Refuses more than {@value #EXPORT_MAX_ROWS} rows.
     */
    public List<Activity.Item> export(String userId, HistoryFilter filter) {
        Map<Long, AccountSnapshot> wallets = walletsOf(userId, filter.currency());
        Set<String> withCounterparty = filter.counterparty() == null ? null : transactionsWith(userId, filter.counterparty());
        if (wallets.isEmpty() || (withCounterparty != null && withCounterparty.isEmpty())) {
            return List.of();
        }
        List<Object[]> rows = entryRows(wallets.keySet(), filter, withCounterparty, null,
                "e.createdAt, e.accountSeq", EXPORT_MAX_ROWS + 1);
        if (rows.size() > EXPORT_MAX_ROWS) {
            throw BusinessException.invalid(List.of(new FieldError("to", "export_too_many_rows", EXPORT_MAX_ROWS)));
        }
        return items(userId, wallets, rows);
    }

    /** One transaction of the person's, with a line per wallet of theirs it moved; 404 when none of theirs. */
    public TransactionDetail transaction(String userId, String transactionId) {
        Map<Long, AccountSnapshot> wallets = walletsOf(userId, null);
        if (wallets.isEmpty() || transactionId == null) {
            throw BusinessException.notFound();
        }
        List<Object[]> rows = em.createQuery(ENTRY_ROWS + " AND t.publicId = :id ORDER BY e.id", Object[].class)
                .setParameter("accounts", wallets.keySet()).setParameter("id", transactionId).getResultList();
        if (rows.isEmpty()) {
            throw BusinessException.notFound();
        }
        List<Activity.Item> lines = items(userId, wallets, rows);
        Activity.Item first = lines.get(0);
        String reference = first.reference() != null ? first.reference() : referenceOf(transactionId);
        return new TransactionDetail(transactionId, first.code(), first.createdAt(), first.note(), first.counterparty(),
                first.order(), reference, lines);
    }

    /**
     * The statement of one month (YYYY-MM, in the person's time zone) of one currency: a field error for a malformed
     * or future month or an unknown currency; an empty statement with zero balances for a month before the wallet
     * existed.
     */
    public Statement statement(String userId, String month, String currency) {
        ZoneId zone = zoneOf(userId);
        List<FieldError> errors = new ArrayList<>();
        YearMonth wanted = null;
        try {
            wanted = YearMonth.parse(month == null ? "" : month.trim());
            if (wanted.getYear() < HistoryFilter.FIRST_YEAR) {
                throw new DateTimeParseException("before any money moved on OKPay", month, 0);
            }
            if (wanted.isAfter(YearMonth.now(zone))) {
                errors.add(new FieldError("month", "statement_month_future"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("month", "month_invalid"));
        }
        Currency known = currency == null || currency.isBlank() ? null : currencies.find(currency.trim()).orElse(null);
        if (known == null) {
            errors.add(new FieldError("currency", "currency_unsupported"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        Instant from = Statement.monthStart(wanted, zone);
        Instant to = Statement.monthStart(wanted.plusMonths(1), zone);
        Money zero = Money.zero(known.code(), known.exponent());
        Map<Long, AccountSnapshot> wallets = walletsOf(userId, known.code());
        if (wallets.isEmpty()) {
            return new Statement(wanted, zone, known.code(), from, to, zero, List.of(), zero, zero, zero);
        }
        long walletId = wallets.keySet().iterator().next();
        // The opening is read on its own (the last balance before the month), so the constructor's check that the
        // entries lead from it to the closing balance is a real check of the ledger.
        long opening = em.createQuery("SELECT e.balanceAfter FROM LedgerEntry e WHERE e.accountId = :account "
                        + "AND e.createdAt < :from ORDER BY e.accountSeq DESC", Long.class)
                .setParameter("account", walletId).setParameter("from", from).setMaxResults(1)
                .getResultStream().findFirst().orElse(0L);
        List<Activity.Item> entries = items(userId, wallets, em.createQuery(ENTRY_ROWS
                        + " AND e.createdAt >= :from AND e.createdAt < :to ORDER BY e.accountSeq", Object[].class)
                .setParameter("accounts", wallets.keySet()).setParameter("from", from).setParameter("to", to)
                .getResultList());
        Money moneyIn = zero;
        Money moneyOut = zero;
        for (Activity.Item entry : entries) {
            if (entry.change().isPositive()) {
                moneyIn = moneyIn.plus(entry.change());
            } else {
                moneyOut = moneyOut.minus(entry.change());
            }
        }
        Money openingBalance = new Money(opening, known.code(), known.exponent());
        Money closing = entries.isEmpty() ? openingBalance : entries.get(entries.size() - 1).balanceAfter();
        return new Statement(wanted, zone, known.code(), from, to, openingBalance, entries, moneyIn, moneyOut, closing);
    }

    /** The language the person chose, for files made for them (CSV column headers). */
    public Locale languageOf(String userId) {
        return users.require(userId).locale();
    }

    /**
     * The currency a form preselects for the person (see {@link CurrencyChoice}), or for a visitor (null);
     * {@code browserLocales} are the browser's, in its order of preference. Balances in different currencies compare at mid-market rates, or by
     * their figures when OKPay has no rates at the moment.
     */
    public String preferredCurrency(String userId, List<Locale> browserLocales) {
        List<Money> held = userId == null ? List.of() : balances(userId).stream().map(Balance::balance).toList();
        Function<Money, BigDecimal> worth = money -> new BigDecimal(money.toDecimal());
        if (held.stream().filter(Money::isPositive).count() > 1) {
            try {
                RateTable table = rates.current();
                worth = money -> new BigDecimal(money.toDecimal())
                        .multiply(table.rate(money.currency(), "EUR").orElse(BigDecimal.ZERO));
            } catch (BusinessException e) {
                // no rates just now: the figures decide
            }
        }
        List<Locale> locales = new ArrayList<>();
        if (userId != null) {
            locales.add(languageOf(userId));
        }
        locales.addAll(browserLocales);
        return CurrencyChoice.preferred(held, worth, locales, currencies.enabled().stream().map(Currency::code).toList());
    }

    /** The time zone the person chose: their days and months (filters, statements) and the dates in their files. */
    public ZoneId zoneOf(String userId) {
        return users.require(userId).timeZone();
    }

    private Map<Long, AccountSnapshot> walletsOf(String userId, String currency) {
        return accounts.accountsOf(OwnerType.USER, userId, Purpose.WALLET).stream()
                .filter(w -> currency == null || w.currency().equals(currency))
                .collect(Collectors.toMap(AccountSnapshot::id, w -> w));
    }

    private List<Object[]> entryRows(Set<Long> wallets, HistoryFilter filter, Set<String> transactions, Long before,
                                     String order, int maxResults) {
        StringBuilder jpql = new StringBuilder(ENTRY_ROWS);
        if (before != null) {
            jpql.append(" AND e.id < :before");
        }
        if (filter.type() != null) {
            jpql.append(" AND t.code = :code");
        }
        if (filter.from() != null) {
            jpql.append(" AND e.createdAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" AND e.createdAt < :to");
        }
        if (transactions != null) {
            jpql.append(" AND t.publicId IN :transactions");
        }
        TypedQuery<Object[]> query = em.createQuery(jpql.append(" ORDER BY ").append(order).toString(), Object[].class)
                .setParameter("accounts", wallets).setMaxResults(maxResults);
        if (before != null) {
            query.setParameter("before", before);
        }
        if (filter.type() != null) {
            query.setParameter("code", filter.type());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        if (transactions != null) {
            query.setParameter("transactions", transactions);
        }
        return query.getResultList();
    }

    /**
     * Rows of {@link #ENTRY_ROWS} as the person sees them: signed change, running balance, the other side (a person,
     * or the shop and its order), note, and the fee this person paid (never another party's).
     */
    private List<Activity.Item> items(String userId, Map<Long, AccountSnapshot> wallets, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> transactionIds = rows.stream().map(row -> (String) row[1]).distinct().toList();
        Map<String, Transfer> transfers = transfersOf(transactionIds);
        Map<String, ShopOrder> orders = checkoutPayments.ordersOf(transactionIds);
        Map<String, Long> fees = feesPaidBy(userId, rows.stream().map(row -> ((LedgerEntry) row[0]).transactionId())
                .collect(Collectors.toSet()));
        Map<String, String> names = new HashMap<>();
        List<Activity.Item> items = new ArrayList<>();
        for (Object[] row : rows) {
            LedgerEntry entry = (LedgerEntry) row[0];
            AccountSnapshot wallet = wallets.get(entry.accountId());
            int exponent = exponent(wallet.currency());
            String transactionId = (String) row[1];
            Transfer transfer = transfers.get(transactionId);
            ShopOrder order = orders.get(transactionId);
            String counterparty = transfer != null ? counterparty(transfer, userId, names)
                    : order != null ? order.shopName() : null;
            String note = (String) row[3];
            if (note == null && order != null) {
                note = order.refundId() != null ? order.reason() : order.description();
            }
            long fee = fees.getOrDefault(entry.transactionId() + ":" + wallet.currency(), 0L);
            items.add(new Activity.Item(transactionId, (String) row[2],
                    new Money(Math.multiplyExact(wallet.type().normalSign(), entry.amount()), wallet.currency(), exponent),
                    new Money(entry.balanceAfter(), wallet.currency(), exponent), entry.createdAt(),
                    transfer == null ? null : transfer.publicId(), counterparty, note,
                    order == null ? null : order.merchantReference(),
                    transfer != null ? transfer.publicId() : order != null ? order.reference() : null,
                    new Money(fee, wallet.currency(), exponent)));
        }
        return items;
    }

    /**
     * What OKPay's fees in these transactions cost this person, by "transaction:currency", as a positive amount (FEES
     * is revenue: a fee is a credit, negative in the ledger). Read from each transaction's entries: a fee is paid by
     * the only party (person or shop, not OKPay's own accounts) whose accounts the transaction moves in that currency;
     * between two parties by the one receiving money, from whose share OKPay took it (a shop's fee on a payment is the
     * shop's, and its payer paid exactly the price).
     */
    private Map<String, Long> feesPaidBy(String userId, Collection<Long> transactionIds) {
        Map<String, Long> fees = new HashMap<>();
        Map<String, Map<String, Long>> parties = new HashMap<>();
        em.createQuery("SELECT e.transactionId, e.currency, a.ownerType, a.ownerId, a.purpose, a.type, e.amount "
                        + "FROM LedgerEntry e, LedgerAccount a WHERE a.id = e.accountId AND e.transactionId IN :ids",
                        Object[].class)
                .setParameter("ids", transactionIds).getResultStream().forEach(row -> {
                    String key = row[0] + ":" + row[1];
                    long amount = ((Number) row[6]).longValue();
                    if (row[4] == Purpose.FEES) {
                        fees.merge(key, -amount, Long::sum);
                    } else if (row[2] != OwnerType.HOUSE) {
                        long change = Math.multiplyExact(((AccountType) row[5]).normalSign(), amount);
                        parties.computeIfAbsent(key, k -> new HashMap<>()).merge(row[2] + ":" + row[3], change, Long::sum);
                    }
                });
        String me = OwnerType.USER + ":" + userId;
        Map<String, Long> paid = new HashMap<>();
        fees.forEach((key, fee) -> {
            Map<String, Long> sides = parties.getOrDefault(key, Map.of());
            boolean mine = sides.size() == 1 ? sides.containsKey(me) : sides.getOrDefault(me, 0L) > 0;
            if (mine && fee != 0) {
                paid.put(key, fee);
            }
        });
        return paid;
    }

    /** The transfers these ledger transactions belong to, by transaction id: the sending and the escrow settlement. */
    private Map<String, Transfer> transfersOf(List<String> transactionIds) {
        Map<String, Transfer> found = new HashMap<>();
        em.createQuery("SELECT t FROM Transfer t WHERE t.transactionId IN :ids OR t.settledTransactionId IN :ids", Transfer.class)
                .setParameter("ids", transactionIds).getResultStream().forEach(t -> {
                    found.put(t.transactionId(), t);
                    if (t.settledTransactionId() != null) {
                        found.put(t.settledTransactionId(), t);
                    }
                });
        return found;
    }

    /**
     * The ledger transactions of the person's transfers whose other side's username or e-mail address contains the
     * term (case-insensitive), including an invited address nobody claimed yet, and of their payments and refunds at
     * shops whose name contains it.
     */
    private Set<String> transactionsWith(String userId, String term) {
        String like = "%" + term.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String matching = "(SELECT u.publicId FROM User u WHERE lower(u.username) LIKE :term ESCAPE '!' "
                + "OR lower(u.email) LIKE :term ESCAPE '!')";
        Set<String> found = new HashSet<>();
        em.createQuery("SELECT t.transactionId, t.settledTransactionId FROM Transfer t WHERE "
                        + "(t.senderId = :me AND (t.recipientId IN " + matching
                        + " OR lower(t.recipientEmail) LIKE :term ESCAPE '!')) "
                        + "OR (t.recipientId = :me AND t.senderId IN " + matching + ")", Object[].class)
                .setParameter("me", userId).setParameter("term", like).getResultStream().forEach(row -> {
                    found.add((String) row[0]);
                    if (row[1] != null) {
                        found.add((String) row[1]);
                    }
                });
        found.addAll(checkoutPayments.transactionsAtShops(userId, like));
        return found;
    }

    /** The other side of a transfer for this person: a display name, or the invited address while nobody claimed it. */
    private String counterparty(Transfer transfer, String userId, Map<String, String> names) {
        String other = transfer.senderId().equals(userId) ? transfer.recipientId() : transfer.senderId();
        if (other == null) {
            return transfer.recipientEmail();
        }
        return names.computeIfAbsent(other, id -> users.require(id).displayName());
    }

    /** What caused a transaction that is neither a transfer nor a shop's: its top-up or its conversion. */
    private String referenceOf(String transactionId) {
        for (String sql : List.of("SELECT public_id FROM topup WHERE transaction_id = ?1",
                "SELECT conversion_id FROM fx_quote WHERE transaction_id = ?1")) {
            List<?> found = em.createNativeQuery(sql).setParameter(1, transactionId).setMaxResults(1).getResultList();
            if (!found.isEmpty()) {
                return (String) found.get(0);
            }
        }
        return null;
    }

    private int exponent(String currency) {
        return currencies.find(currency).map(Currency::exponent).orElseThrow(
                () -> new IllegalStateException("a wallet in an unknown currency: " + currency));
    }

    private Balance balance(AccountSnapshot wallet) {
        int exponent = exponent(wallet.currency());
        return new Balance(new Money(wallet.balance(), wallet.currency(), exponent),
                new Money(wallet.available(), wallet.currency(), exponent));
    }
}
