package io.okpay.kyc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One line of a screening list: a name, and when known the date of birth, the country and where the entry comes from. */
@Entity
@Table(name = "kyc_screening_entry")
@NamedQuery(name = ScreeningEntry.ALL, query = "SELECT e FROM ScreeningEntry e ORDER BY e.id")
public class ScreeningEntry {

    public static final String ALL = "ScreeningEntry.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "list_id", nullable = false, updatable = false)
    private Long listId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "date_of_birth", updatable = false)
    private LocalDate dateOfBirth;

    @Column(updatable = false, length = 2, columnDefinition = "char(2)")
    private String country;

    @Column(updatable = false)
    private String source;

    protected ScreeningEntry() {
    }

    public ScreeningEntry(Long listId, String name, LocalDate dateOfBirth, String country, String source) {
        this.listId = listId;
        this.name = name;
        this.dateOfBirth = dateOfBirth;
        this.country = country;
        this.source = source;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String country() {
        return country;
    }

    public String source() {
        return source;
    }
}
