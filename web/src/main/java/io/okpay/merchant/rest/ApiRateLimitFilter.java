package io.okpay.merchant.rest;

import io.okpay.merchant.boundary.ApiRateLimits;
import io.okpay.merchant.boundary.ApiRateLimits.Decision;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Rate limits of the merchant API: every request made with a merchant's client-credentials token (role MERCHANT)
 * counts against that merchant's budget ({@link ApiRateLimits}). Every answer to such a request carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the window ends),
 * as in the IETF httpapi draft's separate fields; a request over the budget is refused before it runs: 429
 * problem+json {@code rate_limited} with {@code Retry-After}. Requests of people (USER tokens) are not counted here.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 50)
public class ApiRateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    private static final String DECISION = ApiRateLimitFilter.class.getName() + ".decision";

    @Inject
    ApiRateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null || !security.isUserInRole("MERCHANT")) {
            return;
        }
        Decision decision = limits.take(security.getUserPrincipal().getName());
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            Response refused = Problems.of(new BusinessException("rate_limited", decision.resetSeconds()),
                    Messages.supported(request.getAcceptableLanguages().isEmpty() ? null
                            : request.getAcceptableLanguages().get(0)));
            request.abortWith(Response.fromResponse(refused)
                    .header("Retry-After", Math.max(1, decision.resetSeconds())).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle(LIMIT, decision.limit());
            headers.putSingle(REMAINING, decision.remaining());
            headers.putSingle(RESET, decision.resetSeconds());
        }
    }
}
