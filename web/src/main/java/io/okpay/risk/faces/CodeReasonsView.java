package io.okpay.risk.faces;

import io.okpay.risk.boundary.RecordedDecision;
import io.okpay.risk.boundary.RiskRules;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/**
 * "Why we asked for a code" on the security page: the person's latest risk decisions that asked for one, each with what
 * it was (kind, amount, when) and its reasons as bundle keys ({@code risk.reasons.kind.*}, {@code risk.reason.*}).
 */
@Named
@RequestScoped
public class CodeReasonsView {

    /** One decision as shown. */
    public record Row(String at, String kindKey, String amount, List<String> reasonKeys) {
    }

    @EJB
    RiskRules risk;

    @Inject
    CurrentUser currentUser;

    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            List<RecordedDecision> recent = currentUser.isSignedIn() ? risk.recent(currentUser.id(), 10) : List.of();
            rows = recent.stream().map(d -> new Row(currentUser.time(d.at()), "risk.reasons.kind." + d.kind().wireName(),
                    MoneyFormat.format(d.amount(), locale),
                    d.reasons().stream().map(r -> "risk.reason." + r.wireName()).toList())).toList();
        }
        return rows;
    }
}
