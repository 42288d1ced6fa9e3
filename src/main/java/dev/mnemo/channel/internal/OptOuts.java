package dev.mnemo.channel.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Addresses that said STOP: nothing is sent to them until they say START. */
@Repository
public class OptOuts {
    private final JdbcClient jdbc;
    private final Clock clock;

    OptOuts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void optOut(String channel, String address) {
        jdbc.sql("INSERT INTO opt_outs (channel, address, opted_out_at) VALUES (?, ?, ?) ON CONFLICT (channel, address) DO NOTHING")
                .params(channel, address, clock.millis()).update();
    }

    public void optIn(String channel, String address) {
        jdbc.sql("DELETE FROM opt_outs WHERE channel = ? AND address = ?").params(channel, address).update();
    }

    public boolean optedOut(String channel, String address) {
        return jdbc.sql("SELECT COUNT(*) FROM opt_outs WHERE channel = ? AND address = ?").params(channel, address)
                .query(Long.class).single() > 0;
    }
}
