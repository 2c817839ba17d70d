package io.okpay.admin.faces;

import io.okpay.admin.boundary.OperatorAdmin;
import io.okpay.identity.boundary.Operators;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * /admin/operators.xhtml (ADMIN): the operators and their roles; grant a role to an account or take it away, with a
 * reason. The last ADMIN keeps the role.
 */
@Named
@ViewScoped
public class OperatorsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OperatorAdmin operatorAdmin;

    private String account;
    private String role;
    private String reason;
    private transient List<Operators.OperatorView> operators;

    public List<Operators.OperatorView> getOperators() {
        if (operators == null) {
            operators = operatorAdmin.list();
        }
        return operators;
    }

    public List<String> getRoles() {
        return Operators.ROLES;
    }

    public String grant() {
        try {
            Operators.RoleChange change = operatorAdmin.grant(strip(account), role, reason);
            PageMessages.info(change.changed() ? "admin.operators.granted" : "admin.operators.had", role,
                    change.operator().email());
            return done();
        } catch (BusinessException e) {
            PageMessages.show(e, "roles", this::input);
            return null;
        }
    }

    public String revoke() {
        try {
            Operators.RoleChange change = operatorAdmin.revoke(strip(account), role, reason);
            PageMessages.info(change.changed() ? "admin.operators.revoked" : "admin.operators.had-not", role,
                    change.operator().email());
            return done();
        } catch (BusinessException e) {
            PageMessages.show(e, "roles", this::input);
            return null;
        }
    }

    private String input(String field) {
        return switch (field) {
            case "role", "reason" -> field;
            default -> "account";
        };
    }

    private static String done() {
        PageMessages.keepForRedirect();
        return "/admin/operators.xhtml?faces-redirect=true";
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
