package dev.mnemo.channel.internal;

import dev.mnemo.channel.MessageKind;
import dev.mnemo.conversation.Channel;
import dev.mnemo.system.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Every message sent through a channel, with what became of it. */
@Repository
public class Deliveries {
    public static final String QUEUED = "QUEUED";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String SENDING = "SENDING";
    private static final String COLLECTED = "COLLECTED";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Deliveries(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    public String record(String userId, Channel channel, String address, String text, MessageKind kind, String status,
                         String externalId, String error) {
        String id = Ids.newId(clock);
        jdbc.sql("""
                INSERT INTO deliveries (id, user_id, channel, address, text, kind, status, external_id, error, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, userId, channel.id(), address, text, kind.name(), status, externalId, truncate(error),
                        clock.millis(), clock.millis())
                .update();
        return id;
    }

    /** After the provider answered: its id, and SENT (or FAILED with the reason). */
    public void outcome(String id, String status, String externalId, String error) {
        jdbc.sql("UPDATE deliveries SET status = ?, external_id = ?, error = ?, updated_at = ? WHERE id = ?")
                .params(status, externalId, truncate(error), clock.millis(), id).update();
    }

    /**
     * A provider's status report (e.g. Twilio's delivered / undelivered). Reports can arrive out of order: a
     * final status is never overwritten. False when no delivery with that id is waiting for one.
     */
    public boolean statusReported(String externalId, String status, String error) {
        return jdbc.sql("""
                UPDATE deliveries SET status = ?, error = ?, updated_at = ?
                WHERE external_id = ? AND status NOT IN ('DELIVERED', 'UNDELIVERED', 'FAILED', 'READ')""")
                .params(status.length() <= 16 ? status : status.substring(0, 16), truncate(error), clock.millis(), externalId)
                .update() > 0;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }

    /** The web inbox: queued messages for the person, oldest first, handed over once. */
    public List<String> collectInbox(String userId) {
        return transactions.execute(status -> {
            List<InboxItem> rows = jdbc.sql("SELECT id, text, created_at FROM deliveries WHERE user_id = ? AND channel = ? AND status = ? ORDER BY id")
                    .params(userId, Channel.WEB.id(), QUEUED).query(Deliveries::item).list();
            List<String> collected = new ArrayList<>();
            for (InboxItem row : rows) {
                // Only what this call took: two collectors never both get a message.
                if (jdbc.sql("UPDATE deliveries SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                        .params(COLLECTED, clock.millis(), row.id(), QUEUED).update() == 1) {
                    collected.add(row.text());
                }
            }
            return collected;
        });
    }

    /** A message waiting in the inbox, since {@code createdAt}. */
    public record InboxItem(String id, String text, Instant createdAt) {
    }

    private static InboxItem item(ResultSet rs, int row) throws SQLException {
        return new InboxItem(rs.getString("id"), rs.getString("text"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** The web inbox as it stands, oldest first, without handing anything over: a client acknowledges what it showed. */
    public List<InboxItem> pendingInbox(String userId) {
        return jdbc.sql("SELECT id, text, created_at FROM deliveries WHERE user_id = ? AND channel = ? AND status = ? ORDER BY id LIMIT 100")
                .params(userId, Channel.WEB.id(), QUEUED).query(Deliveries::item).list();
    }

    /** Marks these of the person's waiting messages as handed over; returns how many were still waiting. */
    public int acknowledgeInbox(String userId, List<String> ids) {
        int acknowledged = 0;
        for (String id : ids) {
            acknowledged += jdbc.sql("UPDATE deliveries SET status = ?, updated_at = ? WHERE id = ? AND user_id = ? AND channel = ? AND status = ?")
                    .params(COLLECTED, clock.millis(), id, userId, Channel.WEB.id(), QUEUED).update();
        }
        return acknowledged;
    }

}
