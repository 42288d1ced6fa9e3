package dev.mnemo.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.ClassUtils;

/**
 * Spring Modulith's event publication registry, stored in {@code event_publications} on SQLite and
 * PostgreSQL alike. (Modulith's own JDBC store refuses SQLite: its database detection knows no such product.)
 * A publication is written in the transaction that published the event and deleted once its listener
 * completed; what is left — a listener failed, or its process died — is delivered again by {@link EventRedelivery}
 * once abandoned. Events marked
 * {@link NeverStored} are refused: they carry what must not outlive their transaction.
 */
@Repository
class JdbcEventPublications implements EventPublicationRepository {
    private static final Logger log = LoggerFactory.getLogger(JdbcEventPublications.class);
    private static final String COLUMNS = "id, listener_id, event_type, serialized_event, publication_date, "
            + "completion_date, status, completion_attempts, last_resubmission_date";
    private static final String INCOMPLETE = "completion_date IS NULL";

    /** A publication that failed this often is left alone (and said so once): its listener will not succeed. */
    static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final EventSerializer serializer;
    private final Clock clock;

    JdbcEventPublications(JdbcClient jdbc, EventSerializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        Object event = publication.getEvent();
        if (event.getClass().isAnnotationPresent(NeverStored.class)) {
            throw new IllegalStateException(event.getClass().getSimpleName()
                    + " must not be stored: take it with a plain @EventListener, inside the transaction");
        }
        jdbc.sql("INSERT INTO event_publications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, ?, 1, NULL)")
                .params(publication.getIdentifier().toString(), publication.getTargetIdentifier().getValue(),
                        event.getClass().getName(), serialize(event), publication.getPublicationDate().toEpochMilli(),
                        publication.getStatus().name())
                .update();
        return publication;
    }

    @Override
    public void markProcessing(UUID identifier) {
        // The start of a delivery is a claim too: nothing takes it over for ABANDONED_AFTER from now.
        jdbc.sql("UPDATE event_publications SET status = 'PROCESSING', last_resubmission_date = ? WHERE id = ?")
                .params(clock.millis(), identifier.toString()).update();
    }

    @Override
    public void markFailed(UUID identifier) {
        setStatus(identifier, Status.FAILED);
    }

    /** Completed publications are deleted: nothing reads them, and the table stays small. */
    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        jdbc.sql("DELETE FROM event_publications WHERE listener_id = ? AND serialized_event = ?")
                .params(identifier.getValue(), serialize(event)).update();
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        jdbc.sql("DELETE FROM event_publications WHERE id = ?").param(identifier.toString()).update();
    }

    /**
     * Claims the publication for one more delivery, when nothing claimed or started it for {@link
     * EventRedelivery#ABANDONED_AFTER} (whatever its status: a delivery under way is never taken over) and it
     * has not failed {@link #MAX_ATTEMPTS} times.
     */
    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        boolean claimed = jdbc.sql("UPDATE event_publications SET status = 'RESUBMITTED', "
                        + "completion_attempts = completion_attempts + 1, last_resubmission_date = ? "
                        + "WHERE id = ? AND completion_attempts < ? AND COALESCE(last_resubmission_date, publication_date) < ?")
                .params(resubmissionDate.toEpochMilli(), identifier.toString(), MAX_ATTEMPTS,
                        resubmissionDate.minus(EventRedelivery.ABANDONED_AFTER).toEpochMilli()).update() == 1;
        if (!claimed && jdbc.sql("UPDATE event_publications SET completion_attempts = completion_attempts + 1 "
                        + "WHERE id = ? AND completion_attempts = ?")
                .params(identifier.toString(), MAX_ATTEMPTS).update() == 1) {
            log.warn("Event publication {} failed {} times: it is kept, but no longer delivered", identifier, MAX_ATTEMPTS);
        }
        return claimed;
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return query("WHERE " + INCOMPLETE + " ORDER BY publication_date");
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return query("WHERE " + INCOMPLETE + " AND publication_date < ? ORDER BY publication_date", instant.toEpochMilli());
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(
            Object event, PublicationTargetIdentifier targetIdentifier) {
        return query("WHERE serialized_event = ? AND listener_id = ? AND " + INCOMPLETE + " ORDER BY publication_date",
                serialize(event), targetIdentifier.getValue()).stream().findFirst();
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        List<Object> params = new ArrayList<>();
        String where = "WHERE status = 'FAILED'";
        if (criteria.getPublicationDateReference() != null) {
            where += " AND publication_date < ?";
            params.add(criteria.getPublicationDateReference().toEpochMilli());
        }
        where += " ORDER BY publication_date";
        if (criteria.getMaxItemsToRead() > 0) {
            where += " LIMIT " + criteria.getMaxItemsToRead();
        }
        return query(where, params.toArray());
    }

    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return query("WHERE status = ? ORDER BY publication_date", status.name());
    }

    @Override
    public int countByStatus(Status status) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publications WHERE status = ?").param(status.name())
                .query(Integer.class).single();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        if (identifiers.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM event_publications WHERE id IN ("
                        + identifiers.stream().map(i -> "?").collect(Collectors.joining(",")) + ")")
                .params(identifiers.stream().map(UUID::toString).toList()).update();
    }

    @Override
    public void deleteCompletedPublications() {
        jdbc.sql("DELETE FROM event_publications WHERE completion_date IS NOT NULL").update();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        jdbc.sql("DELETE FROM event_publications WHERE completion_date < ?").param(instant.toEpochMilli()).update();
    }

    private void setStatus(UUID identifier, Status status) {
        jdbc.sql("UPDATE event_publications SET status = ? WHERE id = ? AND status <> ?")
                .params(status.name(), identifier.toString(), status.name()).update();
    }

    private String serialize(Object event) {
        return serializer.serialize(event).toString();
    }

    private List<TargetEventPublication> query(String where, Object... params) {
        List<TargetEventPublication> found = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM event_publications " + where).params(params).query(rs -> {
            Stored publication = read(rs);
            if (publication != null) {
                found.add(publication);
            }
        });
        return found;
    }

    private Stored read(ResultSet rs) throws SQLException {
        String type = rs.getString("event_type");
        Class<?> eventType;
        try {
            eventType = ClassUtils.forName(type, JdbcEventPublications.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            log.warn("Event publication {} names an event type this version does not have ({}); left in place",
                    rs.getString("id"), type);
            return null;
        }
        String serialized = rs.getString("serialized_event");
        long completion = rs.getLong("completion_date");
        Instant completed = rs.wasNull() ? null : Instant.ofEpochMilli(completion);
        long resubmission = rs.getLong("last_resubmission_date");
        Instant resubmitted = rs.wasNull() ? null : Instant.ofEpochMilli(resubmission);
        Object event;
        try {
            event = serializer.deserialize(serialized, eventType);
        } catch (RuntimeException e) {
            log.warn("Event publication {} cannot be read as {} ({}); left in place", rs.getString("id"), type,
                    e.getClass().getSimpleName());
            return null;
        }
        return new Stored(UUID.fromString(rs.getString("id")), Instant.ofEpochMilli(rs.getLong("publication_date")),
                rs.getString("listener_id"), event, completed, Status.valueOf(rs.getString("status")), resubmitted,
                rs.getInt("completion_attempts"));
    }

    /** A publication read back. */
    private static final class Stored implements TargetEventPublication {
        private final UUID id;
        private final Instant publicationDate;
        private final String listenerId;
        private final Object event;
        private final Instant lastResubmissionDate;
        private final int completionAttempts;
        private Instant completionDate;
        private Status status;

        Stored(UUID id, Instant publicationDate, String listenerId, Object event, Instant completionDate,
               Status status, Instant lastResubmissionDate, int completionAttempts) {
            this.id = id;
            this.publicationDate = publicationDate;
            this.listenerId = listenerId;
            this.event = event;
            this.completionDate = completionDate;
            this.status = status;
            this.lastResubmissionDate = lastResubmissionDate;
            this.completionAttempts = completionAttempts;
        }

        @Override
        public UUID getIdentifier() {
            return id;
        }

        @Override
        public Object getEvent() {
            return event;
        }

        @Override
        public PublicationTargetIdentifier getTargetIdentifier() {
            return PublicationTargetIdentifier.of(listenerId);
        }

        @Override
        public Instant getPublicationDate() {
            return publicationDate;
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.ofNullable(completionDate);
        }

        @Override
        public void markCompleted(Instant instant) {
            completionDate = instant;
            status = Status.COMPLETED;
        }

        @Override
        public Status getStatus() {
            return status;
        }

        @Override
        public Instant getLastResubmissionDate() {
            return lastResubmissionDate;
        }

        @Override
        public int getCompletionAttempts() {
            return completionAttempts;
        }
    }
}
