-- Why a code was asked: each decision of the risk rules that asked the person for a step-up code, with its reasons
-- (RiskReason names, comma-separated), for the person's security page and for operators.
CREATE TABLE risk_decision (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id       VARCHAR(40)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    amount        BIGINT       NOT NULL,
    exponent      INT          NOT NULL,
    currency      CHAR(3)      NOT NULL,
    reasons       VARCHAR(255) NOT NULL,
    code_required BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    INDEX risk_decision_by_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
