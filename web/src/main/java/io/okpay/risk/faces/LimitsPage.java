package io.okpay.risk.faces;

import io.okpay.risk.boundary.LimitExceeded;
import io.okpay.risk.boundary.LimitPeriod;
import io.okpay.risk.boundary.Limits;
import io.okpay.risk.boundary.LimitsView;
import io.okpay.risk.boundary.MovementKind;
import io.okpay.shared.Messages;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** /risk/limits.xhtml: the person's tier, and for each kind of movement its limits, what is used and when it resets. */
@Named
@RequestScoped
public class LimitsPage {

    @EJB
    Limits limits;

    @Inject
    CurrentUser currentUser;

    private LimitsView view;

    /** One row of a kind's table, in words. */
    public record Row(String id, String period, String max, String used, String remaining, String resets) {
    }

    /** One kind of movement and its rows. */
    public record Kind(String key, String name, List<Row> rows) {
    }

    public LimitsView getView() {
        if (view == null) {
            view = limits.of(currentUser.id());
        }
        return view;
    }

    public String getTier() {
        return getView().tier().name();
    }

    public List<Kind> getKinds() {
        Locale locale = locale();
        List<Kind> kinds = new ArrayList<>();
        for (MovementKind kind : MovementKind.values()) {
            List<Row> rows = new ArrayList<>();
            for (LimitsView.Line line : getView().limits()) {
                if (line.kind() != kind) {
                    continue;
                }
                boolean single = line.period() == LimitPeriod.TRANSACTION;
                rows.add(new Row(line.name().replace('.', '-'), Messages.get(locale, "risk.period." + line.period().apiName()),
                        value(line.period(), line.max(), locale),
                        single ? "–" : value(line.period(), line.used(), locale),
                        single ? "–" : value(line.period(), line.remaining(), locale),
                        single ? "–" : LimitExceeded.when(line.resetsAt(), locale)));
            }
            kinds.add(new Kind(kind.key(), Messages.get(locale, "risk.kind." + kind.key()), rows));
        }
        return kinds;
    }

    private String value(LimitPeriod period, long value, Locale locale) {
        return period.counts() ? Long.toString(value)
                : MoneyFormat.format(new Money(value, getView().currency(), getView().exponent()), locale);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
