package io.okpay.risk;

import io.okpay.kyc.boundary.IdentityApprovals;
import io.okpay.risk.boundary.LimitPeriod;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Test-only, in the test server (for the limits tests): sets what an owner has used of a kind in the current window,
 * as if earlier movements had added up to it, so a test reaches a day's or a month's edge without moving that much;
 * ends a self-lock's 24-hour wait now; approves a person's identity as compliance would.
 */
@Stateless
@Path("test-risk")
@Produces(MediaType.TEXT_PLAIN)
public class RiskTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    IdentityApprovals approvals;

    /** {@code period} per_hour (a count), day or month (minor units of EUR); the other windows keep their values. */
    @POST
    @Path("usage/{owner}/{kind}/{period}/{value}")
    public String usage(@PathParam("owner") String owner, @PathParam("kind") String kind,
                        @PathParam("period") String period, @PathParam("value") long value) {
        Instant now = Instant.now();
        em.createNativeQuery("INSERT IGNORE INTO risk_usage (owner_id, kind, hour_start, hour_count, day_start, day_used, "
                        + "month_start, month_used) VALUES (?1, ?2, ?3, 0, ?4, 0, ?5, 0)")
                .setParameter(1, owner).setParameter(2, kind)
                .setParameter(3, Timestamp.from(LimitPeriod.PER_HOUR.start(now)))
                .setParameter(4, Timestamp.from(LimitPeriod.DAY.start(now)))
                .setParameter(5, Timestamp.from(LimitPeriod.MONTH.start(now)))
                .executeUpdate();
        String columns = switch (period.toLowerCase(Locale.ROOT)) {
            case "per_hour" -> "hour_start = ?1, hour_count = ?2";
            case "day" -> "day_start = ?1, day_used = ?2";
            case "month" -> "month_start = ?1, month_used = ?2";
            default -> throw new IllegalArgumentException(period);
        };
        LimitPeriod window = switch (period.toLowerCase(Locale.ROOT)) {
            case "per_hour" -> LimitPeriod.PER_HOUR;
            case "day" -> LimitPeriod.DAY;
            default -> LimitPeriod.MONTH;
        };
        return Integer.toString(em.createNativeQuery("UPDATE risk_usage SET " + columns
                        + " WHERE owner_id = ?3 AND kind = ?4")
                .setParameter(1, Timestamp.from(window.start(now))).setParameter(2, value)
                .setParameter(3, owner).setParameter(4, kind).executeUpdate());
    }

    /** The self-lock's wait is over: the unlock the person asked for takes effect now. */
    @POST
    @Path("unlock-now/{user}")
    public String unlockNow(@PathParam("user") String userId) {
        return Integer.toString(em.createNativeQuery("UPDATE risk_account_lock SET unlock_at = ?1 "
                        + "WHERE user_id = ?2 AND unlock_at IS NOT NULL")
                .setParameter(1, Timestamp.from(Instant.now().minusSeconds(1))).setParameter(2, userId).executeUpdate());
    }

    /** Compliance approved this person's identity (tier T2). */
    @POST
    @Path("approve/{user}")
    public String approve(@PathParam("user") String userId) {
        approvals.approve(userId, "ver_test", Instant.now());
        return "1";
    }
}
