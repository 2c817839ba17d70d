package io.okpay.support.control;

import io.okpay.support.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.time.Instant;

/** The open tickets past their first-reply time, for /metrics (counted in the database: the same on every instance). */
@ApplicationScoped
public class OverdueTickets {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** Made at start-up, so that the gauge is in /metrics before anything else asks for this bean. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // nothing to do: being created registers the gauge
    }

    @Gauge(name = "okpay_support_tickets_overdue", absolute = true, unit = MetricUnits.NONE,
            description = "Open support tickets without a first reply past their first-reply due time")
    public long count() {
        return em.createNamedQuery(Ticket.OVERDUE_COUNT, Long.class).setParameter("now", Instant.now()).getSingleResult();
    }
}
