package io.okpay.kyc.faces;

import io.okpay.kyc.boundary.DocumentView;
import io.okpay.kyc.boundary.Upload;
import io.okpay.kyc.boundary.VerificationStatus;
import io.okpay.kyc.boundary.VerificationView;
import io.okpay.kyc.boundary.Verifications;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * /kyc/verify.xhtml: the person's identity verification. Their status and the history of what they sent (thumbnails
 * of their images, never the files), and the form while they may submit: no submission waiting, not yet approved.
 */
@Named
@ViewScoped
public class IdentityVerificationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Verifications verifications;

    @Inject
    transient CurrentUser currentUser;

    private List<VerificationView> history;

    private String legalName;
    private String dateOfBirth;
    private String nationality;
    private String address;
    private String documentType;
    private String documentNumber;
    private transient Part front;
    private transient Part back;
    private transient Part selfie;

    @PostConstruct
    void load() {
        history = verifications.of(currentUser.id());
    }

    public String submit() {
        try {
            List<Upload> uploads = new ArrayList<>();
            add(uploads, "front", front);
            add(uploads, "back", back);
            add(uploads, "selfie", selfie);
            verifications.submit(currentUser.id(), new Verifications.Submission(legalName, dateOfBirth, nationality,
                    address, documentType, documentNumber), uploads);
        } catch (BusinessException e) {
            PageMessages.show(e, "verify");
            return null;
        }
        PageMessages.info("kyc.submitted");
        PageMessages.keepForRedirect();
        return "/kyc/verify.xhtml?faces-redirect=true";
    }

    private static void add(List<Upload> uploads, String field, Part part) {
        if (part == null || part.getSize() == 0) {
            return;
        }
        try (InputStream in = part.getInputStream()) {
            uploads.add(new Upload(field, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest submission, or null before the first. */
    public VerificationView getLatest() {
        return history.isEmpty() ? null : history.get(0);
    }

    /** The form shows while nothing waits for review and the person is not verified yet. */
    public boolean isCanSubmit() {
        VerificationView latest = getLatest();
        return currentUser.getUser().emailVerified() && (latest == null
                || latest.status() == VerificationStatus.REJECTED || latest.status() == VerificationStatus.MORE_REQUESTED);
    }

    public List<VerificationView> getHistory() {
        return history;
    }

    /** A data: URI of the thumbnail of one of the person's images (the page's CSP allows img data:). */
    public String thumbnail(VerificationView verification, DocumentView document) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(
                verifications.thumbnail(currentUser.id(), verification.id(), document.id()));
    }

    public long kilobytes(DocumentView document) {
        return Math.max(1, Math.round(document.size() / 1024.0));
    }

    public String time(Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    /** Every country, by its name in the page's language. */
    public List<SelectItem> getCountries() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        Collator collator = Collator.getInstance(locale);
        return java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(SelectItem::getLabel, collator)).toList();
    }

    public List<String> getDocumentTypes() {
        return Verifications.DOCUMENT_TYPES.stream().sorted().toList();
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(String dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getNationality() {
        return nationality;
    }

    public void setNationality(String nationality) {
        this.nationality = nationality;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDocumentType() {
        return documentType;
    }

    public void setDocumentType(String documentType) {
        this.documentType = documentType;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public Part getFront() {
        return front;
    }

    public void setFront(Part front) {
        this.front = front;
    }

    public Part getBack() {
        return back;
    }

    public void setBack(Part back) {
        this.back = back;
    }

    public Part getSelfie() {
        return selfie;
    }

    public void setSelfie(Part selfie) {
        this.selfie = selfie;
    }
}
