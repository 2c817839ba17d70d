-- The currency registry: which ISO 4217 currencies OKPay knows, their minor-unit exponent, and which are enabled.
CREATE TABLE currency (
    code        CHAR(3)      NOT NULL PRIMARY KEY,
    exponent    TINYINT      NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT currency_code_upper CHECK (code = UPPER(code)),
    CONSTRAINT currency_exponent_range CHECK (exponent BETWEEN 0 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO currency (code, exponent, name, enabled) VALUES
    ('USD', 2, 'US Dollar', TRUE),
    ('EUR', 2, 'Euro', TRUE),
    ('GBP', 2, 'Pound Sterling', TRUE),
    ('CNY', 2, 'Yuan Renminbi', TRUE),
    ('HKD', 2, 'Hong Kong Dollar', TRUE),
    ('JPY', 0, 'Yen', TRUE),
    ('SGD', 2, 'Singapore Dollar', TRUE),
    ('CHF', 2, 'Swiss Franc', FALSE),
    ('AUD', 2, 'Australian Dollar', FALSE),
    ('CAD', 2, 'Canadian Dollar', FALSE),
    ('KRW', 0, 'Won', FALSE),
    ('KWD', 3, 'Kuwaiti Dinar', FALSE),
    ('BHD', 3, 'Bahraini Dinar', FALSE);
