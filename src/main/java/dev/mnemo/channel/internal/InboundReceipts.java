package dev.mnemo.channel.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Provider message ids already received: a retried webhook is answered once. */
@Repository
public class InboundReceipts {
    private final JdbcClient jdbc;
    private final Clock clock;

    InboundReceipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this id is seen (on any instance), false for every retry. */
    public boolean firstTime(String channel, String externalId) {
        return jdbc.sql("""
                INSERT INTO inbound_receipts (channel, external_id, received_at) VALUES (?, ?, ?)
                ON CONFLICT (channel, external_id) DO NOTHING""")
                .params(channel, externalId, clock.millis()).update() == 1;
    }
}
