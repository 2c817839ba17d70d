package io.okpay.risk.rest;

import io.okpay.risk.boundary.LimitsView;
import io.okpay.risk.boundary.Limits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/** The caller's tier and limits, with what they used of each and when it resets. */
@Path("me/limits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class LimitsResource {

    @EJB
    Limits limits;

    @Context
    SecurityContext security;

    /**
     * One limit: {@code limit} is its name (send.day); amounts are decimal strings in {@code currency}, per-hour limits
     * whole numbers of movements (currency null); a per-transaction limit has no used or resets_at.
     */
    public record LimitDto(String limit, String kind, String period, String currency, String max, String used,
                           String remaining, String resets_at) {

        static LimitDto of(LimitsView view, LimitsView.Line line) {
            boolean counts = line.period().counts();
            boolean single = line.resetsAt() == null;
            return new LimitDto(line.name(), line.kind().key(), line.period().apiName(), counts ? null : view.currency(),
                    text(view, line.max(), counts), single ? null : text(view, line.used(), counts),
                    text(view, line.remaining(), counts), single ? null : line.resetsAt().toString());
        }

        private static String text(LimitsView view, long value, boolean counts) {
            return counts ? Long.toString(value) : java.math.BigDecimal.valueOf(value, view.exponent()).toPlainString();
        }
    }

    public record LimitsDto(String tier, boolean enabled, String currency, String raise_limits_url, List<LimitDto> limits) {
    }

    @GET
    public LimitsDto limits() {
        LimitsView view = limits.of(security.getUserPrincipal().getName());
        return new LimitsDto(view.tier().name(), view.enabled(), view.currency(), view.raiseUrl(),
                view.limits().stream().map(line -> LimitDto.of(view, line)).toList());
    }
}
