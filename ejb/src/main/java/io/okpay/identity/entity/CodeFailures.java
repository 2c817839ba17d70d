package io.okpay.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * The wrong one-time codes (and recovery codes) of one account, whatever challenge they answered: at most
 * {@link #BUDGET} an hour. Five tries per challenge alone would give someone who knows the password five more with
 * every new sign-in; with this budget they get ten an hour in all, then the account takes no code until the hour is over.
 */
@Entity
@Table(name = "otp_failure_budget")
public class CodeFailures {

    public static final int BUDGET = 10;
    public static final Duration WINDOW = Duration.ofHours(1);

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private Instant windowStartedAt;

    protected CodeFailures() {
    }

    public CodeFailures(Long userId, Instant now) {
        this.userId = userId;
        this.windowStartedAt = now;
    }

    /** Seconds until a code may be tried again; 0 while the budget lasts. */
    public long secondsToWait(Instant now) {
        Instant windowEnds = windowStartedAt.plus(WINDOW);
        if (failures < BUDGET || !now.isBefore(windowEnds)) {
            return 0;
        }
        return (Duration.between(now, windowEnds).toMillis() + 999) / 1000;
    }

    public void failed(Instant now) {
        if (!now.isBefore(windowStartedAt.plus(WINDOW))) {
            failures = 0;
            windowStartedAt = now;
        }
        failures++;
    }

    public int failures() {
        return failures;
    }
}
