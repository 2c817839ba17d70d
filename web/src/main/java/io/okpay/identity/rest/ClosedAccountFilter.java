package io.okpay.identity.rest;

import io.okpay.identity.boundary.ClosedAccounts;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.Locale;

/**
 * Access tokens are checked by their signature alone and live 15 minutes; a token issued before its person (or their
 * shop) closed the account is refused here with 401, like an invalid one, for the rest of its life.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ClosedAccountFilter implements ContainerRequestFilter {

    @Inject
    ClosedAccounts closedAccounts;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (caller != null && closedAccounts.refused(caller.getName())) {
            Locale locale = request.getAcceptableLanguages().isEmpty() ? Messages.ENGLISH
                    : Messages.supported(request.getAcceptableLanguages().get(0));
            request.abortWith(Problems.of("unauthorized", locale));
        }
    }
}
