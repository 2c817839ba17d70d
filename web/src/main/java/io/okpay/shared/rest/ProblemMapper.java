package io.okpay.shared.rest;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.RequestIds;
import io.okpay.shared.web.BodyLimits;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.SystemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * The one place where failures become HTTP answers. Business failures keep their code (whose status is in
 * {@link ProblemStatuses}); malformed input is a 400; unknown paths 404; anything unexpected is a 500 whose details stay
 * in the log under the request id.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        Locale locale = request == null ? Messages.ENGLISH : Messages.supported(request.getLocale());
        if (thrown instanceof EJBAccessException) {
            // An EJB refused the caller's roles: unauthenticated callers are told to sign in, others that they may not.
            boolean anonymous = request == null || request.getUserPrincipal() == null;
            return Problems.of(anonymous ? "unauthorized" : "forbidden", locale);
        }
        if (causedBy(thrown, BodyLimits.TooLarge.class)) {
            return Problems.of("request_too_large", locale);
        }
        Throwable e = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (e instanceof BusinessException business) {
            return Problems.of(business, locale, Problems.extensions(business.problemFields()));
        }
        if (e instanceof ConstraintViolationException violations) {
            return Problems.of(invalid(violations), locale);
        }
        if (isMalformedJson(e)) {
            return Problems.of("malformed_json", locale);
        }
        String badParameter = unreadableParameter(e);
        if (badParameter != null) {
            BusinessException unreadable = BusinessException.invalid(List.of(
                    new BusinessException.FieldError(badParameter, "invalid_value")));
            return Problems.of(unreadable, locale);
        }
        if (e instanceof WebApplicationException web) {
            return fromStatus(web, locale);
        }
        if (databaseUnreachable(thrown)) {
            // Not a bug of ours: the database is down or cut off. Readiness says DOWN meanwhile, so the load balancer
            // sends people elsewhere; whoever got here is told to come back shortly, and nothing was changed.
            LOG.warning(() -> "Database unreachable, request " + RequestIds.current() + ": " + thrown);
            return Response.fromResponse(Problems.of("database_unavailable", locale))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (clusterMemberStarting(thrown)) {
            // Not a bug of ours either: a cluster member that rejoined the data grid before OKPay is deployed on it
            // holds part of the shared caches and cannot load OKPay's classes for them yet (about a minute).
            LOG.warning(() -> "Cluster member still starting, request " + RequestIds.current() + ": " + thrown);
            return Response.fromResponse(Problems.of("cluster_unavailable", locale))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure, request " + RequestIds.current(), thrown);
        return Problems.of("internal_error", locale);
    }

    /** Seconds a client waits after a 503 database_unavailable or cluster_unavailable: about HAProxy's check period. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * The failure comes from not reaching the database: a JDBC connection failure (SQLState class 08, or the
     * driver's connection exceptions), the pool that could not hand out a connection, or the transaction manager that
     * could not complete a commit with it (the server gone in the middle: Payara reports the database's failure as an
     * XAException or SystemException that keeps only its message). A commit cut off that way may have been made; the
     * client's retry with the same Idempotency-Key answers the first result either way.
     */
    static boolean databaseUnreachable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof jakarta.resource.ResourceException || t instanceof XAException
                    || t instanceof SystemException || t instanceof HeuristicMixedException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The failure comes from a data grid member that cannot load one of OKPay's own classes (a cache's expiry policy,
     * an entry processor): OKPay always finds its classes here, so the member is one where it is not deployed yet.
     */
    static boolean clusterMemberStarting(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ClassNotFoundException missing && missing.getMessage() != null
                    && missing.getMessage().startsWith("io.okpay.")) {
                return true;
            }
        }
        return false;
    }

    private static Response fromStatus(WebApplicationException e, Locale locale) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Server error " + status + ", request " + RequestIds.current(), e);
        }
        return Problems.ofStatus(status, locale);
    }

    /**
     * The name of a path, query or header parameter that could not be read as its type ({@code ?limit=abc}), or null.
     * Jersey reports these as its ParamException, a 404 for path and query parameters; to the client it is a 400 that
     * names the parameter. The name is read by reflection: Jersey's class is not part of the Jakarta API.
     */
    static String unreadableParameter(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.glassfish.jersey.server.ParamException")) {
                try {
                    Object name = type.getMethod("getParameterName").invoke(e);
                    return name instanceof String text && !text.isBlank() ? text : null;
                } catch (ReflectiveOperationException | RuntimeException unexpected) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isMalformedJson(Throwable e) {
        return causedBy(e, JsonbException.class) || causedBy(e, JsonException.class);
    }

    /** Whatever wrapped it on the way (a JSON reader, Jersey's entity reading), the cause is what counts. */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static BusinessException invalid(ConstraintViolationException e) {
        List<BusinessException.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            // "create.arg0.amount" -> "amount": clients know their fields, not our method names.
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            String template = violation.getMessageTemplate();
            // Our constraints name an error code as their message ("{amount_required}"); the built-in ones do not.
            String code = template.startsWith("{") && !template.startsWith("{jakarta.")
                    ? template.substring(1, template.length() - 1) : "invalid_value";
            errors.add(new BusinessException.FieldError(field, code));
        }
        return BusinessException.invalid(errors);
    }
}
