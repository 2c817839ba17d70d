package io.okpay.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The safeguarding account's balance in a currency at the end of a day, as FINANCE entered it from the bank. */
@Entity
@Table(name = "admin_safeguarding_figure")
public class SafeguardingFigure {

    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "day", nullable = false)
        private LocalDate day;

        @Column(name = "currency", nullable = false, columnDefinition = "char(3)")
        private String currency;

        protected Key() {
        }

        public Key(LocalDate day, String currency) {
            this.day = day;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.day.equals(day) && k.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(day, currency);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private long amount;

    @Column(name = "entered_by", nullable = false)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    protected SafeguardingFigure() {
    }

    public SafeguardingFigure(LocalDate day, String currency, long amount, String enteredBy, Instant enteredAt) {
        this.key = new Key(day, currency);
        this.amount = amount;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    public void change(long newAmount, String by, Instant at) {
        this.amount = newAmount;
        this.enteredBy = by;
        this.enteredAt = at;
    }

    public LocalDate day() { return key.day; }
    public String currency() { return key.currency; }
    public long amount() { return amount; }
    public String enteredBy() { return enteredBy; }
    public Instant enteredAt() { return enteredAt; }
}
