package io.okpay.kyc.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a person states about themselves in a verification, as checked: legal name (any script), date of birth,
 * nationality (ISO 3166 alpha-2), address, and the identity document's type and number. Stored sealed, shown to
 * compliance only.
 */
public record IdentityDetails(String legalName, LocalDate dateOfBirth, String nationality, String address,
                              String documentType, String documentNumber) implements Serializable {
}
