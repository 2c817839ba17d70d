package io.okpay.admin.rest;

import io.okpay.admin.boundary.BackOffice;
import io.okpay.risk.boundary.LimitsView;
import io.okpay.shared.Balance;
import io.okpay.wallet.boundary.Activity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

/**
 * Find anything, a person's page, and what SUPPORT (and ADMIN) do about a person: end their sessions, reset their
 * second factors after a recorded identity check.
 */
@Stateless
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SUPPORT", "COMPLIANCE", "FINANCE", "ADMIN"})
public class BackOfficeResource {

    @EJB
    BackOffice backOffice;

    public record HitDto(String kind, String id, String label, String user_id, String at) {
    }

    public record MoneyDto(String amount, String currency) {

        static MoneyDto of(io.okpay.shared.Money money) {
            return money == null ? null : new MoneyDto(money.toDecimal(), money.currency());
        }
    }

    public record BalanceDto(String currency, String balance, String available) {

        static BalanceDto of(Balance b) {
            return new BalanceDto(b.currency(), b.balance().toDecimal(), b.available().toDecimal());
        }
    }

    public record ItemDto(String transaction_id, String code, MoneyDto change, MoneyDto balance_after, String created_at,
                          String counterparty) {

        static ItemDto of(Activity.Item i) {
            return new ItemDto(i.transactionId(), i.code(), MoneyDto.of(i.change()), MoneyDto.of(i.balanceAfter()),
                    i.createdAt().toString(), i.counterparty());
        }
    }

    public record SignInDto(String at, String device, String status) {
    }

    public record SessionDto(String id, String created_at, String last_seen_at, String device) {
    }

    public record PersonDto(String id, String email, String username, String locale, boolean email_verified,
                            String second_factor, LimitsDto limits, List<BalanceDto> balances, List<ItemDto> history,
                            List<SignInDto> sign_ins, List<DeviceDto> devices, List<SessionDto> sessions,
                            List<VerificationDto> verifications, List<TicketDto> tickets,
                            List<RiskDecisionDto> risk_decisions, List<AuditDto> audit_trail) {
    }

    /** The tier and each limit with what was used of it (amounts in {@code currency}; per-hour limits are counts). */
    public record LimitsDto(String tier, boolean enabled, String currency, List<LimitDto> lines) {

        static LimitsDto of(LimitsView view) {
            return new LimitsDto(view.tier().name(), view.enabled(), view.currency(), view.limits().stream()
                    .map(l -> new LimitDto(l.name(), text(view, l.max(), l.period().counts()),
                            l.resetsAt() == null ? null : text(view, l.used(), l.period().counts()),
                            l.resetsAt() == null ? null : l.resetsAt().toString())).toList());
        }

        static String text(LimitsView view, long value, boolean counts) {
            return counts ? Long.toString(value) : java.math.BigDecimal.valueOf(value, view.exponent()).toPlainString();
        }
    }

    public record LimitDto(String limit, String max, String used, String resets_at) {
    }

    public record DeviceDto(String device, String last_seen_at, int sign_ins) {
    }

    public record VerificationDto(String id, String status, String created_at, String decided_at) {
    }

    public record TicketDto(String id, String category, String subject, String status, String created_at) {
    }

    public record RiskDecisionDto(String at, String kind, MoneyDto amount, List<String> reasons) {
    }

    public record SecondFactorReset(String check_type, String check_detail, String reason) {
    }

    public record ResetDto(String user_id, String before, String after) {
    }

    public record AuditDto(String at, String actor, String event, String detail) {
    }

    public record Revocation(String reason) {
    }

    public record Revoked(String user_id, int sessions_ended) {
    }

    @GET
    @Path("search")
    public List<HitDto> search(@QueryParam("q") String q) {
        return backOffice.search(q).stream().map(h -> new HitDto(h.kind(), h.id(), h.label(), h.userId(),
                h.at() == null ? null : h.at().toString())).toList();
    }

    @GET
    @Path("users/{id}")
    public PersonDto person(@PathParam("id") String id, @Context HttpHeaders headers) {
        Locale locale = headers.getAcceptableLanguages().stream().filter(l -> !"*".equals(l.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
        BackOffice.Person p = backOffice.person(id, locale);
        return new PersonDto(p.user().id(), p.user().email(), p.user().displayName(), p.user().locale().toLanguageTag(),
                p.user().emailVerified(), p.user().secondFactor(), LimitsDto.of(p.limits()),
                p.balances().stream().map(BalanceDto::of).toList(), p.history().stream().map(ItemDto::of).toList(),
                p.signIns().stream().map(s -> new SignInDto(s.at().toString(), s.device(), s.status())).toList(),
                p.devices().stream().map(d -> new DeviceDto(d.device(), d.lastSeen().toString(), d.signIns())).toList(),
                p.sessions().stream().map(s -> new SessionDto(s.id(), s.createdAt().toString(),
                        s.lastSeenAt() == null ? null : s.lastSeenAt().toString(), s.device())).toList(),
                p.verifications().stream().map(v -> new VerificationDto(v.id(), v.statusName(), v.createdAt().toString(),
                        v.decidedAt() == null ? null : v.decidedAt().toString())).toList(),
                p.tickets().stream().map(t -> new TicketDto(t.id(), t.category().code(), t.subject(), t.status().code(),
                        t.createdAt().toString())).toList(),
                p.riskDecisions().stream().map(d -> new RiskDecisionDto(d.at().toString(), d.kind().wireName(),
                        MoneyDto.of(d.amount()), d.reasons().stream().map(r -> r.wireName()).toList())).toList(),
                p.auditTrail().stream().map(e -> new AuditDto(e.createdAt().toString(), e.actor(), e.event(), e.detail()))
                        .toList());
    }

    @POST
    @Path("users/{id}/sessions/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"SUPPORT", "ADMIN"})
    public Revoked revoke(@PathParam("id") String id, Revocation revocation) {
        return new Revoked(id, backOffice.endSessions(id, revocation == null ? null : revocation.reason()));
    }

    @POST
    @Path("users/{id}/second-factors/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"SUPPORT", "ADMIN"})
    public ResetDto resetSecondFactors(@PathParam("id") String id, SecondFactorReset reset) {
        SecondFactorReset r = reset == null ? new SecondFactorReset(null, null, null) : reset;
        BackOffice.Reset done = backOffice.resetSecondFactors(id, r.check_type(), r.check_detail(), r.reason());
        return new ResetDto(done.userId(), done.before(), done.after());
    }
}
