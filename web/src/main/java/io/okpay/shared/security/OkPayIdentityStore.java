package io.okpay.shared.security;

import io.okpay.identity.boundary.SignIns;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.stream.Collectors;

/**
 * Completes a sign-in for the pages: checks the one-time code when one is due, opens a session row, gives the HTTP
 * session a new id (no session fixation) and makes the user's public id the caller principal, roles as groups.
 */
@ApplicationScoped
public class OkPayIdentityStore implements IdentityStore {

    /** The HTTP session attribute that names the signed-in session row. */
    public static final String SESSION_ATTRIBUTE = "okpay.session";
    public static final String SIGNED_IN_AT = "okpay.signed-in-at";

    @EJB
    SignIns signIns;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SignInCredential signIn)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignIns.SignedIn signedIn;
        try {
            signedIn = signIns.complete(signIn.signInId(), signIn.challengeId(), signIn.code(), true,
                    signIn.deviceToken());
        } catch (BusinessException e) {
            signIn.refuse(e);
            return CredentialValidationResult.INVALID_RESULT;
        } catch (EJBException e) {
            if (e.getCause() instanceof BusinessException business) {
                signIn.refuse(business);
                return CredentialValidationResult.INVALID_RESULT;
            }
            throw e;
        }
        signIn.remembered(signedIn.deviceToken());
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_ATTRIBUTE, signedIn.sessionId());
        return new CredentialValidationResult(new CallerPrincipal(signedIn.user().id()),
                signedIn.user().roles().stream().map(Enum::name).collect(Collectors.toSet()));
    }
}
