package dev.mnemo.channel.internal;

import dev.mnemo.channel.MessageKind;
import dev.mnemo.conversation.Channel;
import dev.mnemo.system.Ids;
import java.time.Clock;
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
                .params(id, userId, channel.id(), address, text, kind.name(), status, externalId,
                        error == null || error.length() <= 200 ? error : error.substring(0, 200), clock.millis(), clock.millis())
                .update();
        return id;
    }

    /** A provider's status report (e.g. Twilio's delivered / undelivered); false when the id is unknown. */
    public boolean statusReported(String externalId, String status, String error) {
        return jdbc.sql("UPDATE deliveries SET status = ?, error = ?, updated_at = ? WHERE external_id = ?")
                .params(status.length() <= 16 ? status : status.substring(0, 16), error, clock.millis(), externalId).update() > 0;
    }

    /** The web inbox: queued messages for the person, oldest first, handed over once. */
    public List<String> collectInbox(String userId) {
        return transactions.execute(status -> {
            List<Row> rows = jdbc.sql("SELECT id, text FROM deliveries WHERE user_id = ? AND channel = ? AND status = ? ORDER BY id")
                    .params(userId, Channel.WEB.id(), QUEUED).query(Row.class).list();
            for (Row row : rows) {
                jdbc.sql("UPDATE deliveries SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                        .params(COLLECTED, clock.millis(), row.id(), QUEUED).update();
            }
            return rows.stream().map(Row::text).toList();
        });
    }

    private record Row(String id, String text) {
    }
}
