package io.okpay.support.faces;

import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.MoneyFormat;
import io.okpay.support.boundary.Channel;
import io.okpay.support.boundary.NewTicket;
import io.okpay.support.boundary.SupportTickets;
import io.okpay.support.boundary.TicketCategory;
import io.okpay.support.boundary.TicketView;
import io.okpay.support.boundary.Upload;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.ActivityText;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * /support/new.xhtml: a new support request: category, subject, message, one of the person's recent transactions
 * (optional) and a file. {@code ?category=security&transaction=txn_...} opens it as a security report about that
 * transaction, with the offer to lock the account. After sending, the ticket's page.
 */
@Named
@ViewScoped
public class SupportFormPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RECENT = 30;

    /** A transaction to choose: its id and how it reads in the history. */
    public record Choice(String id, String label) implements Serializable {
    }

    @EJB
    transient SupportTickets tickets;

    @EJB
    transient Wallets wallets;

    @Inject
    transient CurrentUser currentUser;

    private String category = "payment";
    private String subject;
    private String message;
    private String transactionId;
    private transient Part file;
    private List<Choice> transactions;

    public List<String> getCategories() {
        return Arrays.stream(TicketCategory.values()).map(TicketCategory::code).toList();
    }

    public List<Choice> getTransactions() {
        if (transactions == null) {
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            transactions = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (Activity.Item item : wallets.activity(currentUser.id(), null, null, null, RECENT).items()) {
                if (seen.contains(item.transactionId())) {
                    continue;
                }
                seen.add(item.transactionId());
                transactions.add(new Choice(item.transactionId(), currentUser.time(item.createdAt()) + " · "
                        + ActivityText.kind(item.code(), locale) + " · " + MoneyFormat.format(item.change(), locale)));
            }
            if (transactionId != null && !seen.contains(transactionId)) {
                transactions.add(0, new Choice(transactionId, transactionId));
            }
        }
        return transactions;
    }

    public boolean isSecurityReport() {
        return TicketCategory.SECURITY.code().equals(category);
    }

    public String send() {
        try {
            TicketView ticket = tickets.open(currentUser.id(), new NewTicket(category, subject, message, transactionId,
                    uploads(file)), Channel.WEB);
            PageMessages.info("support.new.sent", ticket.id());
            PageMessages.keepForRedirect();
            return "/support/ticket.xhtml?faces-redirect=true&id=" + ticket.id();
        } catch (BusinessException e) {
            PageMessages.show(e, "ticket", f -> switch (f) {
                case "transaction_id" -> "transaction";
                case "attachments" -> "file";
                case "category", "subject", "message" -> f;
                default -> null;
            });
            return null;
        }
    }

    /** The file of a form's h:inputFile, as an upload (none when nothing was chosen). */
    static List<Upload> uploads(Part part) {
        if (part == null || part.getSize() == 0) {
            return List.of();
        }
        try (InputStream in = part.getInputStream()) {
            return List.of(new Upload(part.getSubmittedFileName(), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId == null || transactionId.isBlank() ? null : transactionId;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
