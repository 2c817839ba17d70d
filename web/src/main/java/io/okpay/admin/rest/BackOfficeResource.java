package io.okpay.admin.rest;

import io.okpay.admin.boundary.BackOffice;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/** Find anything, a person's page, and ending a person's sessions (SUPPORT, ADMIN). */
@Stateless
@Path("admin")
@Tag(name = "Back office")
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
                            String second_factor, List<BalanceDto> balances, List<ItemDto> history,
                            List<SignInDto> sign_ins, List<SessionDto> sessions, List<AuditDto> audit_trail) {
    }

    public record AuditDto(String at, String actor, String event, String detail) {
    }

    public record Revocation(String reason) {
    }

    public record Revoked(String user_id, int sessions_ended) {
    }

    @GET
    @Path("search")
    @Operation(summary = "A person by id, e-mail or username; a payment by transaction, transfer, top-up, payout, "
            + "checkout session or bank reference")
    public List<HitDto> search(@QueryParam("q") String q) {
        return backOffice.search(q).stream().map(h -> new HitDto(h.kind(), h.id(), h.label(), h.userId(),
                h.at() == null ? null : h.at().toString())).toList();
    }

    @GET
    @Path("users/{id}")
    @Operation(summary = "A person: profile, balances, latest history, sign-ins, open sessions")
    public PersonDto person(@PathParam("id") String id, @Context HttpHeaders headers) {
        Locale locale = headers.getAcceptableLanguages().stream().filter(l -> !"*".equals(l.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
        BackOffice.Person p = backOffice.person(id, locale);
        return new PersonDto(p.user().id(), p.user().email(), p.user().displayName(), p.user().locale().toLanguageTag(),
                p.user().emailVerified(), p.user().secondFactor(),
                p.balances().stream().map(BalanceDto::of).toList(), p.history().stream().map(ItemDto::of).toList(),
                p.signIns().stream().map(s -> new SignInDto(s.at().toString(), s.device(), s.status())).toList(),
                p.sessions().stream().map(s -> new SessionDto(s.id(), s.createdAt().toString(),
                        s.lastSeenAt() == null ? null : s.lastSeenAt().toString(), s.device())).toList(),
                p.auditTrail().stream().map(e -> new AuditDto(e.createdAt().toString(), e.actor(), e.event(), e.detail()))
                        .toList());
    }

    @POST
    @Path("users/{id}/sessions/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"SUPPORT", "ADMIN"})
    @Operation(summary = "End every session and refresh token of a person {reason}")
    public Revoked revoke(@PathParam("id") String id, Revocation revocation) {
        return new Revoked(id, backOffice.endSessions(id, revocation == null ? null : revocation.reason()));
    }
}
