package dev.mnemo.conversation;

import dev.mnemo.cost.TokenUsage;
import dev.mnemo.llm.ChatTurn;
import dev.mnemo.routing.Route;
import dev.mnemo.routing.RouteDecision;
import dev.mnemo.system.Ids;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The stored conversation: every inbound message and every reply, with route, model, tokens and cost. */
@Repository
class MessageLog {
    static final String UNANSWERED = "UNANSWERED";
    static final String ANSWERED = "ANSWERED";
    /** Claimed for a late answer by {@code lease_owner} until {@code lease_until}. */
    static final String ANSWERING = "ANSWERING";
    /** Too old for a late answer, or a command: the person was told instead. */
    static final String EXPIRED = "EXPIRED";
    static final String REDACTED = "[forgotten at the person's request]";
    /**
     * What belongs in a prompt's history: answered messages and the model's replies. A message that was never
     * answered stays out (its late answer brings it back with its reply), so an outage cannot flood the next prompt.
     */
    private static final String IN_PROMPT = "(route IS NULL OR route <> 'COMMAND') AND "
            + "((direction = 'IN' AND status = 'ANSWERED') OR (direction = 'OUT' AND model IS NOT NULL))";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MessageLog(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Commits the message as unanswered and returns its id. */
    String saveInbound(InboundMessage message) {
        String id = Ids.newId(clock);
        jdbc.sql("INSERT INTO messages (id, user_id, channel, direction, text, created_at, status) VALUES (?, ?, ?, 'IN', ?, ?, ?)")
                .params(id, message.userId(), message.channel().id(), message.text(), clock.millis(), UNANSWERED)
                .update();
        return id;
    }

    void saveRoute(String messageId, RouteDecision decision) {
        jdbc.sql("UPDATE messages SET route = ?, route_reason = ? WHERE id = ?")
                .params(decision.route().name(), truncate(decision.reason(), 200), messageId)
                .update();
    }

    /**
     * Stores the reply; when {@code answered}, marks the inbound message answered in the same transaction — only
     * while it is still unanswered: when a late answer has claimed it meanwhile, nothing is stored and the result is
     * false. Notices (no model reached) leave it unanswered.
     */
    boolean saveReply(String inboundId, InboundMessage inbound, String text, RouteDecision decision, String model,
                      TokenUsage usage, BigDecimal costUsd, boolean answered) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (answered && jdbc.sql("UPDATE messages SET status = ? WHERE id = ? AND status = ?")
                    .params(ANSWERED, inboundId, UNANSWERED).update() != 1) {
                return false;
            }
            jdbc.sql("""
                    INSERT INTO messages (id, user_id, channel, direction, text, created_at, status, in_reply_to, route,
                        model, input_tokens, output_tokens, cost_nanos)
                    VALUES (?, ?, ?, 'OUT', ?, ?, 'SENT', ?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(clock), inbound.userId(), inbound.channel().id(), text, clock.millis(), inboundId,
                            decision.route().name(), model, usage == null ? null : usage.input() + usage.cacheRead() + usage.cacheWrite(),
                            usage == null ? null : usage.output(), nanos(costUsd))
                    .update();
            return true;
        }));
    }

    /**
     * Earlier messages before {@code beforeId}, written at or after {@code since}, that belong in a prompt: the
     * person's messages and model-written replies; commands and notices are left out. At most {@code limit}:
     * once there are more, the window's start moves in steps of {@code limit / 2} counted over the person's
     * whole history, not one message at a time, so consecutive prompts share their beginning and a provider's
     * prompt cache can serve it (a window sliding by one changes it every time). Messages older than
     * {@code since} are cut off on top of that.
     */
    List<ChatTurn> history(String userId, String beforeId, int limit, Instant since) {
        if (limit == 0) {
            return List.of();
        }
        long available = jdbc.sql("SELECT COUNT(*) FROM messages WHERE user_id = ? AND id < ? AND " + IN_PROMPT)
                .params(userId, beforeId).query(Long.class).single();
        int step = Math.max(1, limit / 2);
        long kept = available <= limit ? available : limit - step + 1 + (available - (limit - step + 1)) % step;
        List<ChatTurn> newestFirst = new ArrayList<>(jdbc.sql("SELECT direction, text FROM messages WHERE user_id = ? AND id < ? "
                        + "AND created_at >= ? AND " + IN_PROMPT + " ORDER BY id DESC LIMIT ?")
                .params(userId, beforeId, since.toEpochMilli(), kept)
                .query((rs, n) -> "IN".equals(rs.getString("direction"))
                        ? ChatTurn.user(rs.getString("text")) : ChatTurn.assistant(rs.getString("text")))
                .list());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The person's stored conversation, newest {@code limit} before {@code beforeId} (null: all), oldest first. */
    List<TranscriptLine> transcript(String userId, String beforeId, int limit) {
        List<TranscriptLine> newestFirst = new ArrayList<>((beforeId == null
                ? jdbc.sql("SELECT id, direction, channel, text, created_at FROM messages WHERE user_id = ? "
                        + "ORDER BY id DESC LIMIT ?").params(userId, limit)
                : jdbc.sql("SELECT id, direction, channel, text, created_at FROM messages WHERE user_id = ? AND id < ? "
                        + "ORDER BY id DESC LIMIT ?").params(userId, beforeId, limit))
                .query(MessageLog::line).list());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    List<TranscriptLine> transcriptAfter(String userId, String afterId, int limit) {
        return jdbc.sql("SELECT id, direction, channel, text, created_at FROM messages WHERE user_id = ? AND id > ? "
                        + "ORDER BY id LIMIT ?")
                .params(userId, afterId == null ? "" : afterId, limit).query(MessageLog::line).list();
    }

    private static TranscriptLine line(ResultSet rs, int row) throws SQLException {
        return new TranscriptLine(rs.getString("id"), "IN".equals(rs.getString("direction")),
                Channel.byId(rs.getString("channel")).orElse(Channel.API), rs.getString("text"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    Optional<Instant> lastHeardFrom(String userId) {
        return jdbc.sql("SELECT MAX(created_at) FROM messages WHERE user_id = ? AND direction = 'IN'").param(userId)
                .query((rs, n) -> { long at = rs.getLong(1); return rs.wasNull() ? null : Instant.ofEpochMilli(at); })
                .optional();
    }

    Optional<Channel> lastChannel(String userId) {
        return jdbc.sql("SELECT channel FROM messages WHERE user_id = ? AND direction = 'IN' AND channel <> ? ORDER BY id DESC LIMIT 1")
                .params(userId, Channel.API.id()).query(String.class).optional()
                .flatMap(Channel::byId);
    }

    /** The person's last routed message before this one, commands aside ("/cost" in a thread is not its topic). */
    record Previous(Route route, Instant at) {
    }

    Optional<Previous> previous(String userId, String beforeId) {
        return jdbc.sql("""
                SELECT route, created_at FROM messages
                WHERE user_id = ? AND id < ? AND direction = 'IN' AND route IS NOT NULL AND route <> 'COMMAND'
                ORDER BY id DESC LIMIT 1""")
                .params(userId, beforeId)
                .query((rs, n) -> new Previous(Route.valueOf(rs.getString("route")), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .optional();
    }

    /** A message that got no answer, as stored. */
    record Unanswered(String id, String userId, Channel channel, String text, Instant at) {
    }

    /** Messages without an answer written from {@code from} to before {@code before}, free to claim, oldest first. */
    List<Unanswered> unanswered(Instant from, Instant before, int limit) {
        return jdbc.sql("""
                SELECT id, user_id, channel, text, created_at FROM messages
                WHERE direction = 'IN' AND (status = ? OR (status = ? AND lease_until < ?)) AND created_at >= ? AND created_at < ?
                  AND (route IS NULL OR route <> 'COMMAND')
                ORDER BY id LIMIT ?""")
                .params(UNANSWERED, ANSWERING, clock.millis(), from.toEpochMilli(), before.toEpochMilli(), limit)
                .query((rs, n) -> new Unanswered(rs.getString("id"), rs.getString("user_id"),
                        Channel.byId(rs.getString("channel")).orElse(Channel.API), rs.getString("text"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    /** Takes the message for a late answer until {@code until}; false when another instance holds it. */
    boolean claim(String messageId, String owner, Instant until) {
        return jdbc.sql("""
                UPDATE messages SET status = ?, lease_owner = ?, lease_until = ?
                WHERE id = ? AND direction = 'IN' AND (status = ? OR (status = ? AND lease_until < ?))""")
                .params(ANSWERING, owner, until.toEpochMilli(), messageId, UNANSWERED, ANSWERING, clock.millis())
                .update() == 1;
    }

    /** Keeps a claimed message aside until {@code until} (its late answer failed); then anyone may claim it again. */
    void postpone(String messageId, String owner, Instant until) {
        jdbc.sql("UPDATE messages SET lease_owner = 'postponed', lease_until = ? WHERE id = ? AND status = ? AND lease_owner = ?")
                .params(until.toEpochMilli(), messageId, ANSWERING, owner).update();
    }

    /** Ends a claim: {@code status} ANSWERED, EXPIRED, or UNANSWERED to give it back; false when the claim was lost. */
    boolean endClaim(String messageId, String owner, String status) {
        return jdbc.sql("UPDATE messages SET status = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = ? AND lease_owner = ?")
                .params(status, messageId, ANSWERING, owner).update() == 1;
    }

    /** Replaces the text of these messages, and of the replies to them, by a marker. */
    void redact(List<String> messageIds) {
        for (String id : messageIds) {
            jdbc.sql("UPDATE messages SET text = ? WHERE id = ?").params(REDACTED, id).update();
            jdbc.sql("UPDATE messages SET text = ? WHERE in_reply_to = ?").params(REDACTED, id).update();
        }
    }

    /** Redacts Mnemo's own messages to the user that quote one of the texts (listings, confirmations, replies). */
    void redactQuotes(String userId, List<String> texts) {
        for (String text : texts) {
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            jdbc.sql("UPDATE messages SET text = ? WHERE user_id = ? AND direction = 'OUT' AND text LIKE ? ESCAPE '\\'")
                    .params(REDACTED, userId, pattern).update();
        }
    }

    private static Long nanos(BigDecimal usd) {
        return usd == null ? null : usd.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
