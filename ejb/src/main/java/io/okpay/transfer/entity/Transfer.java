package io.okpay.transfer.entity;

import io.okpay.transfer.boundary.TransferStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What a sender and a recipient see of a transfer. The money moved in the ledger transaction {@code transactionId};
 * this row never changes the balances, it describes them. Amounts are minor units of {@code currency}.
 */
@Entity
@Table(name = "transfer")
@NamedQuery(name = Transfer.BY_PUBLIC_ID, query = "SELECT t FROM Transfer t WHERE t.publicId = :id")
@NamedQuery(name = Transfer.BY_TRANSACTION, query = "SELECT t FROM Transfer t WHERE t.transactionId = :transactionId")
@NamedQuery(name = Transfer.BY_KEY, query = "SELECT t FROM Transfer t WHERE t.senderId = :senderId AND t.idempotencyKey = :key")
@NamedQuery(name = Transfer.OF_USER, query = "SELECT t FROM Transfer t WHERE (t.senderId = :userId OR t.recipientId = :userId) "
        + "AND t.id < :before ORDER BY t.id DESC")
@NamedQuery(name = Transfer.UNSETTLED, query = "SELECT t FROM Transfer t WHERE t.status IN :statuses ORDER BY t.id")
@NamedQuery(name = Transfer.BEGIN_SETTLEMENT, query = "UPDATE Transfer t SET t.status = :next, t.recipientId = :recipientId "
        + "WHERE t.id = :id AND t.status = io.okpay.transfer.boundary.TransferStatus.PENDING_CLAIM")
@NamedQuery(name = Transfer.FINISH_SETTLEMENT, query = "UPDATE Transfer t SET t.status = :done, "
        + "t.settledTransactionId = :transactionId, t.settledAt = :at WHERE t.id = :id AND t.status = :during")
@NamedQuery(name = Transfer.WAITING_OF_SENDER, query = "SELECT t FROM Transfer t WHERE t.senderId = :senderId "
        + "AND t.status = io.okpay.transfer.boundary.TransferStatus.PENDING_CLAIM ORDER BY t.id DESC")
@NamedQuery(name = Transfer.ANY_BETWEEN, query = "SELECT t.id FROM Transfer t WHERE t.senderId = :senderId AND t.recipientId = :recipientId")
public class Transfer {

    public static final String BY_PUBLIC_ID = "Transfer.byPublicId";
    public static final String BY_TRANSACTION = "Transfer.byTransaction";
    public static final String BY_KEY = "Transfer.byKey";
    /** Sent or received by the user, newest first, strictly before an internal id (the cursor). */
    public static final String OF_USER = "Transfer.ofUser";
    /** Ids of transfers from the sender to the recipient: ask for one row to learn whether the pair is new. */
    public static final String ANY_BETWEEN = "Transfer.anyBetween";
    /** Transfers in escrow or in the middle of settling, oldest first. */
    public static final String UNSETTLED = "Transfer.unsettled";
    /** Takes a pending transfer into a settlement; one row changed means this caller owns the settlement. */
    public static final String BEGIN_SETTLEMENT = "Transfer.beginSettlement";
    public static final String FINISH_SETTLEMENT = "Transfer.finishSettlement";
    /** A sender's transfers still waiting in escrow, newest first. */
    public static final String WAITING_OF_SENDER = "Transfer.waitingOfSender";

    /** From a pooled sequence: the row is inserted in the posting's batch, not at persist (V83). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transfer_seq")
    @SequenceGenerator(name = "transfer_seq", sequenceName = "transfer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "sender_id", nullable = false, updatable = false)
    private String senderId;

    /** Null while the money waits in escrow for someone to sign up with {@link #recipientEmail}. */
    @Column(name = "recipient_id")
    private String recipientId;

    @Column(name = "recipient_email", updatable = false)
    private String recipientEmail;

    @Column(name = "claim_until", updatable = false, columnDefinition = "datetime(6)")
    private Instant claimUntil;

    @Column(name = "settled_transaction_id")
    private String settledTransactionId;

    @Column(name = "settled_at", columnDefinition = "datetime(6)")
    private Instant settledAt;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(updatable = false)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferStatus status;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    private String transactionId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    protected Transfer() {
    }

    public Transfer(String publicId, String senderId, String recipientId, long amount, String currency, String note,
                    TransferStatus status, String transactionId, String idempotencyKey, Instant createdAt) {
        this.publicId = publicId;
        this.senderId = senderId;
        this.recipientId = recipientId;
        this.amount = amount;
        this.currency = currency;
        this.note = note;
        this.status = status;
        this.transactionId = transactionId;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
    }

    /** A transfer into escrow for an address without an account, to be claimed until {@code claimUntil}. */
    public static Transfer toEscrow(String publicId, String senderId, String recipientEmail, long amount, String currency,
                                    String note, String transactionId, String idempotencyKey, Instant createdAt,
                                    Instant claimUntil) {
        Transfer transfer = new Transfer(publicId, senderId, null, amount, currency, note, TransferStatus.PENDING_CLAIM,
                transactionId, idempotencyKey, createdAt);
        transfer.recipientEmail = recipientEmail;
        transfer.claimUntil = claimUntil;
        return transfer;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String senderId() {
        return senderId;
    }

    public String recipientId() {
        return recipientId;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String note() {
        return note;
    }

    public TransferStatus status() {
        return status;
    }

    public String transactionId() {
        return transactionId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String recipientEmail() {
        return recipientEmail;
    }

    public Instant claimUntil() {
        return claimUntil;
    }

    public String settledTransactionId() {
        return settledTransactionId;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public boolean involves(String userId) {
        return senderId.equals(userId) || userId.equals(recipientId);
    }
}
