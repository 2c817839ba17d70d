package io.okpay.shared;

import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;

/** For the cluster-wide JCache counters (throttles, rate limits): an entry vanishes an hour after its last change. */
public final class ForgetAfterAnHour implements ExpiryPolicy, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Duration AN_HOUR = new Duration(TimeUnit.HOURS, 1);

    @Override
    public Duration getExpiryForCreation() {
        return AN_HOUR;
    }

    @Override
    public Duration getExpiryForAccess() {
        return null;
    }

    @Override
    public Duration getExpiryForUpdate() {
        return AN_HOUR;
    }
}
