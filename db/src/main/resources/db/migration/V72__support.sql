-- Support desk: tickets a person opens on the page, through the API or by e-mail to the support address, the thread
-- of messages (the person's, the desk's replies, the desk's internal notes), attachments sealed with the master key,
-- and the e-mails already read from the support mailbox (one ticket message per Message-ID, whichever instance reads it).
CREATE TABLE support_ticket (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           VARCHAR(40)   NOT NULL,
    user_id             VARCHAR(40)   NULL,
    requester_email     VARCHAR(254)  NOT NULL,
    locale              VARCHAR(16)   NOT NULL,
    category            VARCHAR(16)   NOT NULL,
    subject             VARCHAR(200)  NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    priority            VARCHAR(8)    NOT NULL,
    channel             VARCHAR(8)    NOT NULL,
    transaction_id      VARCHAR(40)   NULL,
    assignee_id         VARCHAR(40)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    first_reply_due_at  DATETIME(6)   NOT NULL,
    first_replied_at    DATETIME(6)   NULL,
    resolved_at         DATETIME(6)   NULL,
    rating              INT           NULL,
    rating_comment      VARCHAR(500)  NULL,
    CONSTRAINT support_ticket_public_id UNIQUE (public_id),
    CONSTRAINT support_ticket_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    INDEX support_ticket_user (user_id, id),
    INDEX support_ticket_queue (status, first_reply_due_at),
    INDEX support_ticket_unanswered (first_replied_at, first_reply_due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE support_message (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id    VARCHAR(40)   NOT NULL,
    ticket_id    BIGINT        NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    author_id    VARCHAR(40)   NULL,
    channel      VARCHAR(8)    NOT NULL,
    body         MEDIUMTEXT    NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    CONSTRAINT support_message_public_id UNIQUE (public_id),
    CONSTRAINT support_message_ticket_fk FOREIGN KEY (ticket_id) REFERENCES support_ticket (id),
    INDEX support_message_ticket (ticket_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE support_attachment (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id      VARCHAR(40)   NOT NULL,
    ticket_id      BIGINT        NOT NULL,
    message_id     BIGINT        NOT NULL,
    file_name      VARCHAR(200)  NOT NULL,
    content_type   VARCHAR(64)   NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    CONSTRAINT support_attachment_public_id UNIQUE (public_id),
    CONSTRAINT support_attachment_ticket_fk FOREIGN KEY (ticket_id) REFERENCES support_ticket (id),
    CONSTRAINT support_attachment_message_fk FOREIGN KEY (message_id) REFERENCES support_message (id),
    INDEX support_attachment_ticket (ticket_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The content apart from the list above, so that showing a thread never reads the files: AES-GCM under the master key.
CREATE TABLE support_attachment_content (
    attachment_id  BIGINT        NOT NULL PRIMARY KEY,
    sealed         LONGTEXT      NOT NULL,
    CONSTRAINT support_attachment_content_fk FOREIGN KEY (attachment_id) REFERENCES support_attachment (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- E-mails read from the support mailbox: the unique key makes a message count once when two instances read it.
CREATE TABLE support_inbound_mail (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_key   CHAR(64)      NOT NULL,
    ticket_id     BIGINT        NOT NULL,
    received_at   DATETIME(6)   NOT NULL,
    CONSTRAINT support_inbound_mail_key UNIQUE (message_key),
    CONSTRAINT support_inbound_mail_ticket_fk FOREIGN KEY (ticket_id) REFERENCES support_ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
