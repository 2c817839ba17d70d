package io.okpay.risk.boundary;

import io.okpay.identity.boundary.SignInRecords;
import io.okpay.risk.control.Velocity;
import io.okpay.risk.entity.RiskDecisionRow;
import io.okpay.shared.RequestOrigins;
import jakarta.ejb.EJB;
import io.okpay.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides when money may leave only with a one-time code, never declining where a code would do:
 * <ul>
 * <li>every payout (WITHDRAW), a person's or a merchant's, is approved by the account owner;</li>
 * <li>a conversion above {@code okpay.risk.conversion-threshold} major units of the currency sold (default 1000;
 * {@code okpay.risk.conversion-threshold.<ccy>} for one currency, code in lower case);</li>
 * <li>whatever the moving feature reports in {@link RiskCheck#signals()}: an amount above its own threshold, a new or
 * unknown recipient, a first payout to an IBAN or one within 24 hours of its first use;</li>
 * <li>a request from a device (User-Agent) or an IP address the person never completed a sign-in from
 * ({@link RequestOrigins}; nothing to weigh outside a request);</li>
 * <li>more than {@code okpay.risk.velocity.per-hour} (default 20) outgoing movements of the person within an hour
 * ({@link Velocity}).</li>
 * </ul>
 * {@link #assess} only answers (for a confirmation page); {@link #decide} also records a decision that asks for a code,
 * in a transaction of its own, so that it stays when the caller's request ends in "step_up_required".
 */
@Stateless
public class RiskRules {

    static final String CONVERSION_THRESHOLD = "okpay.risk.conversion-threshold";
    static final String VELOCITY_PER_HOUR = "okpay.risk.velocity.per-hour";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Velocity velocity;

    @EJB
    SignInRecords signIns;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RiskDecision assess(RiskCheck check) {
        Set<RiskReason> reasons = EnumSet.noneOf(RiskReason.class);
        reasons.addAll(check.signals());
        if (check.kind() == RiskKind.WITHDRAW) {
            reasons.add(RiskReason.PAYOUT);
        }
        if (check.kind() == RiskKind.CONVERT && check.amount().minor() > conversionThreshold(check.amount()).minor()) {
            reasons.add(RiskReason.CONVERSION_ABOVE_THRESHOLD);
        }
        RequestOrigins.current().ifPresent(origin -> {
            SignInRecords.Seen seen = signIns.seenFrom(check.userId(), origin.ip(), origin.device());
            if (!seen.ip() || !seen.device()) {
                reasons.add(RiskReason.NEW_DEVICE_OR_IP);
            }
        });
        if (velocity.lastHour(check.userId()) >= velocityPerHour()) {
            reasons.add(RiskReason.UNUSUAL_VELOCITY);
        }
        return new RiskDecision(!reasons.isEmpty(), List.copyOf(reasons));
    }

    /** As {@link #assess}, recording the decision with its reasons when it asks for a code. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RiskDecision decide(RiskCheck check) {
        RiskDecision decision = assess(check);
        if (decision.codeRequired()) {
            Money amount = check.amount();
            em.persist(new RiskDecisionRow(check.userId(), check.kind().name(), amount.minor(), amount.exponent(),
                    amount.currency(), decision.reasons().stream().map(Enum::name).collect(Collectors.joining(",")),
                    true, Instant.now().truncatedTo(ChronoUnit.MICROS)));
        }
        return decision;
    }

    /** The person's latest decisions that asked for a code, newest first: "why was I asked for a code?". */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RecordedDecision> recent(String userId, int limit) {
        return em.createNamedQuery(RiskDecisionRow.RECENT, RiskDecisionRow.class).setParameter("userId", userId)
                .setMaxResults(Math.max(1, Math.min(limit, 50))).getResultStream()
                .map(row -> new RecordedDecision(row.createdAt(), RiskKind.valueOf(row.kind()),
                        new Money(row.amount(), row.currency(), row.exponent()),
                        Arrays.stream(row.reasons().split(",")).filter(r -> !r.isBlank()).map(RiskReason::valueOf).toList()))
                .toList();
    }

    /** "More than N in an hour": the movement after the N-th asks for a code. */
    private long velocityPerHour() {
        return config.getOptionalValue(VELOCITY_PER_HOUR, Long.class).orElse(20L);
    }

    private Money conversionThreshold(Money like) {
        String threshold = config.getOptionalValue(CONVERSION_THRESHOLD + "." + like.currency().toLowerCase(Locale.ROOT), String.class)
                .or(() -> config.getOptionalValue(CONVERSION_THRESHOLD, String.class))
                .orElse("1000");
        try {
            return Money.atLeast(threshold, like.currency(), like.exponent());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CONVERSION_THRESHOLD + " must be a decimal number, not " + threshold, e);
        }
    }
}
