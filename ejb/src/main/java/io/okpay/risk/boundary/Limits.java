package io.okpay.risk.boundary;

import io.okpay.risk.control.LimitTable;
import io.okpay.risk.control.LimitRules;
import io.okpay.risk.control.ReferenceAmounts;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.SandboxPart;
import org.eclipse.microprofile.config.ConfigProvider;
import io.okpay.risk.control.Tiers;
import io.okpay.risk.control.Usage;
import io.okpay.risk.control.UsageCounters;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A person's tier and limits with what they used of each, for the limits page and GET /api/v1/me/limits. The limits
 * themselves are enforced on every posting by the ledger's guard (io.okpay.risk.control.RiskGuard).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Limits {

    @Inject
    LimitTable table;

    @EJB
    Tiers tiers;

    @EJB
    UsageCounters counters;

    @Inject
    LimitRules rules;

    @Inject
    ReferenceAmounts amounts;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    public LimitsView of(String userId) {
        Tier tier = tiers.of(userId);
        Instant now = Instant.now();
        Map<MovementKind, Usage> usage = counters.read(userId, now);
        List<LimitsView.Line> lines = new ArrayList<>();
        for (MovementKind kind : MovementKind.values()) {
            Usage used = usage.getOrDefault(kind, Usage.none());
            for (LimitPeriod period : LimitPeriod.values()) {
                lines.add(new LimitsView.Line(kind, period, table.max(tier, kind, period), used.of(period),
                        period.resetsAt(now)));
            }
        }
        return new LimitsView(tier, table.enabled(), LimitTable.REFERENCE_CURRENCY, LimitTable.REFERENCE_EXPONENT,
                tier == Tier.T2 ? null : LimitRules.raiseUrl(baseUrl), lines);
    }

    /**
     * The sandbox's switch, for the benchmark to compare limits on and off in one run: limits on or off on this
     * instance until it restarts. Only where the sandbox is on (okpay.sandbox.enabled); elsewhere 404.
     */
    public void switchInSandbox(boolean on) {
        if (!SandboxPart.DEMO.on(ConfigProvider.getConfig())) {
            throw BusinessException.notFound();
        }
        table.switchTo(on);
    }

    /**
     * Refuses (limit_exceeded) a movement that would not fit the person's limits now, before anything outside OKPay
     * happens (a card is charged): the posting checks again, in its own transaction, and that check is the one that counts.
     */
    public void precheck(String userId, MovementKind kind, Money amount) {
        if (!table.enabled()) {
            return;
        }
        Instant now = Instant.now();
        rules.check(tiers.of(userId), kind, amounts.of(amount.minor(), amount.currency()),
                counters.read(userId, now).getOrDefault(kind, Usage.none()), now);
    }
}
