package io.okpay.merchant.boundary;

import io.okpay.shared.RateWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The request budget of each merchant on the API: {@code okpay.api.rate-limit.requests} requests per window of
 * {@code okpay.api.rate-limit.window}, the window starting with the merchant's first request after the last one
 * ended (a fixed window per merchant), counted cluster-wide by the kernel's {@link RateWindows}.
 */
@ApplicationScoped
public class ApiRateLimits {

    /**
     * What a request was told: the limit, what is left of it after this request, the seconds until the window ends,
     * and whether the request may go on (when not, {@code resetSeconds} is also its Retry-After).
     */
    public record Decision(long limit, long remaining, long resetSeconds, boolean allowed) {
    }

    @Inject
    @ConfigProperty(name = "okpay.api.rate-limit.requests", defaultValue = "100")
    long requests;

    @Inject
    @ConfigProperty(name = "okpay.api.rate-limit.window", defaultValue = "PT1M")
    Duration window;

    @Inject
    RateWindows windows;

    /** Counts one request of the merchant, or refuses it when its window's budget is spent. */
    public Decision take(String merchantId) {
        RateWindows.Use use = windows.take("api:" + merchantId, requests, window);
        return new Decision(requests, Math.max(0, requests - use.count()), use.resetSeconds(), use.allowed());
    }
}
