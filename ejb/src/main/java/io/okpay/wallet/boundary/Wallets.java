package io.okpay.wallet.boundary;

import io.okpay.shared.Balance;
import io.okpay.checkout.boundary.CheckoutPayments;
import io.okpay.checkout.boundary.ShopOrder;
import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.boundary.Currency;
import io.okpay.funding.boundary.TopUpDirectory;
import io.okpay.fx.boundary.ConversionDirectory;
import io.okpay.fx.boundary.ExchangeRates;
import io.okpay.fx.boundary.RateTable;
import io.okpay.identity.boundary.UserNames;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.Entries;
import io.okpay.ledger.boundary.EntryLine;
import io.okpay.ledger.boundary.EntryQuery;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PartyEntry;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.transfer.boundary.TransferDirectory;
import io.okpay.transfer.boundary.TransferParties;
import io.okpay.wallet.control.CurrencyChoice;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

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
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's money: the balances, one per currency they have used (by currency code), the history of their wallets
 * (filtered, paged, one transaction in detail, exported) and monthly statements. The ledger gives the entries (one
 * query pages across every wallet) and their transactions; the features that caused them say, each in one query per
 * page, what only they know: the people of a transfer and their names, a shop's order, a top-up's or conversion's id.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Wallets {

    /** An export longer than this asks for a shorter range rather than building a file nobody can open. */
    static final int EXPORT_MAX_ROWS = 20_000;

    @EJB
    LedgerAccounts accounts;

    @EJB
    Entries entries;

    @EJB
    Currencies currencies;

    @EJB
    Users users;

    @EJB
    UserNames userNames;

    @EJB
    CheckoutPayments checkoutPayments;

    @EJB
    TransferDirectory transfers;

    @EJB
    TopUpDirectory topUps;

    @EJB
    ConversionDirectory conversions;

    @Inject
    ExchangeRates rates;

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
        List<EntryLine> rows = entries.find(query(wallets, filter, withCounterparty, before, EntryQuery.Order.NEWEST_FIRST,
                size + 1));
        List<EntryLine> shown = rows.subList(0, Math.min(size, rows.size()));
        return new Activity(items(userId, wallets, shown), rows.size() > size ? shown.get(shown.size() - 1).id() : null);
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
        List<EntryLine> rows = entries.find(query(wallets, filter, withCounterparty, null, EntryQuery.Order.OLDEST_FIRST,
                EXPORT_MAX_ROWS + 1));
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
        List<EntryLine> rows = entries.ofTransaction(wallets.keySet(), transactionId);
        if (rows.isEmpty()) {
            throw BusinessException.notFound();
        }
        List<Activity.Item> lines = items(userId, wallets, rows);
        Activity.Item first = lines.get(0);
        String reference = first.reference() != null ? first.reference()
                : topUps.topUpOf(transactionId).or(() -> conversions.conversionOf(transactionId)).orElse(null);
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
        long opening = entries.balanceBefore(walletId, from);
        List<Activity.Item> lines = items(userId, wallets, entries.find(new EntryQuery(wallets.keySet(), null, null,
                from, to, null, EntryQuery.Order.ACCOUNT_ORDER, Integer.MAX_VALUE)));
        Money moneyIn = zero;
        Money moneyOut = zero;
        for (Activity.Item entry : lines) {
            if (entry.change().isPositive()) {
                moneyIn = moneyIn.plus(entry.change());
            } else {
                moneyOut = moneyOut.minus(entry.change());
            }
        }
        Money openingBalance = new Money(opening, known.code(), known.exponent());
        Money closing = lines.isEmpty() ? openingBalance : lines.get(lines.size() - 1).balanceAfter();
        return new Statement(wanted, zone, known.code(), from, to, openingBalance, lines, moneyIn, moneyOut, closing);
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
        return CurrencyChoice.preferred(held, worth, locales, currencies.enabledCodes());
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

    private static EntryQuery query(Map<Long, AccountSnapshot> wallets, HistoryFilter filter, Set<String> transactions,
                                    Long before, EntryQuery.Order order, int max) {
        return new EntryQuery(wallets.keySet(), before, filter.type(), filter.from(), filter.to(), transactions, order, max);
    }

    /**
     * Entries as the person sees them: signed change, running balance, the other side (a person, or the shop and its
     * order), note, and the fee this person paid (never another party's).
     */
    private List<Activity.Item> items(String userId, Map<Long, AccountSnapshot> wallets, List<EntryLine> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> transactionIds = rows.stream().map(EntryLine::transactionId).distinct().toList();
        Map<String, TransferParties> transfersByTransaction = transfers.byTransactions(transactionIds);
        Map<String, ShopOrder> orders = checkoutPayments.ordersOf(transactionIds);
        Map<String, Long> fees = feesPaidBy(userId, transactionIds);
        Map<String, String> names = userNames.displayNames(transfersByTransaction.values().stream()
                .map(transfer -> transfer.otherSideOf(userId)).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<Activity.Item> items = new ArrayList<>();
        for (EntryLine entry : rows) {
            AccountSnapshot wallet = wallets.get(entry.accountId());
            int exponent = exponent(wallet.currency());
            String transactionId = entry.transactionId();
            TransferParties transfer = transfersByTransaction.get(transactionId);
            ShopOrder order = orders.get(transactionId);
            String counterparty = transfer != null ? counterparty(transfer, userId, names)
                    : order != null ? order.shopName() : null;
            String note = entry.memo();
            if (note == null && order != null) {
                note = order.refundId() != null ? order.reason() : order.description();
            }
            long fee = fees.getOrDefault(transactionId + ":" + wallet.currency(), 0L);
            items.add(new Activity.Item(transactionId, entry.code(),
                    new Money(Math.multiplyExact(wallet.type().normalSign(), entry.amount()), wallet.currency(), exponent),
                    new Money(entry.balanceAfter(), wallet.currency(), exponent), entry.createdAt(),
                    transfer == null ? null : transfer.transferId(), counterparty, note,
                    order == null ? null : order.merchantReference(),
                    transfer != null ? transfer.transferId() : order != null ? order.reference() : null,
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
    private Map<String, Long> feesPaidBy(String userId, Collection<String> transactionIds) {
        Map<String, Long> fees = new HashMap<>();
        Map<String, Map<String, Long>> parties = new HashMap<>();
        for (PartyEntry entry : entries.parties(transactionIds)) {
            String key = entry.transactionId() + ":" + entry.currency();
            if (entry.purpose() == Purpose.FEES) {
                fees.merge(key, -entry.amount(), Long::sum);
            } else if (entry.ownerType() != OwnerType.HOUSE) {
                parties.computeIfAbsent(key, k -> new HashMap<>())
                        .merge(entry.ownerType() + ":" + entry.ownerId(), entry.change(), Long::sum);
            }
        }
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

    /**
     * The ledger transactions of the person's transfers whose other side's username or e-mail address contains the
     * term (case-insensitive), including an invited address nobody claimed yet, and of their payments and refunds at
     * shops whose name contains it.
     */
    private Set<String> transactionsWith(String userId, String term) {
        String like = "%" + term.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        Set<String> found = new HashSet<>(transfers.transactionsWith(userId, like));
        found.addAll(checkoutPayments.transactionsAtShops(userId, like));
        return found;
    }

    /** The other side of a transfer for this person: a display name, or the invited address while nobody claimed it. */
    private static String counterparty(TransferParties transfer, String userId, Map<String, String> names) {
        String other = transfer.otherSideOf(userId);
        return other == null ? transfer.recipientEmail() : names.get(other);
    }

    private int exponent(String currency) {
        return currencies.exponent(currency);
    }

    private Balance balance(AccountSnapshot wallet) {
        int exponent = exponent(wallet.currency());
        return new Balance(new Money(wallet.balance(), wallet.currency(), exponent),
                new Money(wallet.available(), wallet.currency(), exponent));
    }
}
