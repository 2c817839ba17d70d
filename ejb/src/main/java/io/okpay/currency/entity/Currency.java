package io.okpay.currency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ISO 4217 currency as OKPay knows it. The exponent fixes the minor unit: JPY 0, USD 2, KWD 3. */
@Entity
@Table(name = "currency")
public class Currency {

    @Id
    @Column(name = "code", length = 3, columnDefinition = "char(3)")
    private String code;

    @Column(name = "exponent", nullable = false, columnDefinition = "tinyint")
    private int exponent;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    protected Currency() {
    }

    public String code() {
        return code;
    }

    public int exponent() {
        return exponent;
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return enabled;
    }
}
