package io.mall.messaging;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes the events waiting inside MongoDB documents, oldest of each document first, and pulls
 * each one Kafka acknowledged out of its document. MongoDB changes one document atomically, so an
 * event written into the {@code outbox} array of the document whose change it reports exists if and
 * only if the change does. Each array entry is {@code {id, topic, key, envelope}} and, for a change
 * the writing replica applied already, {@code origin} (that replica's id), which is sent as the
 * {@code originHeader} Kafka header so that replica can skip the change coming back.
 *
 * <p>A change names the documents it wrote events into ({@link #nudge}), so the usual path reads just
 * those by id; documents whose publication failed (Kafka away) are tried again by {@link #retry}.
 * {@link #sweep} looks through whole collections for what a crash left between a write and its
 * nudge: the first pass sweeps, and the service calls it now and then for a replica that crashed
 * and never came back. It is rare because it is a scan (the local MongoDB-protocol server has no
 * index for it). A crash between publishing and pulling sends an event again;
 * consumers de-duplicate by the envelope id. One pass runs at a time, so a document's events
 * leave in order.
 */
public class MongoOutboxRelay {

    private static final Logger LOG = Logger.getLogger(MongoOutboxRelay.class);
    private static final int BATCH = 200;

    /** A document that holds events. */
    private record Holder(String collection, String id) {
    }

    private final ReactiveMongoDatabase database;
    private final List<String> collections;
    private final MutinyEmitter<String> kafka;
    private final String originHeader;
    private final Set<Holder> named = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweepWanted = new AtomicBoolean(true);
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param collections  the collections whose documents hold events, swept in this order
     * @param originHeader the Kafka header that names the replica that applied a change, or null
     */
    public MongoOutboxRelay(ReactiveMongoDatabase database, List<String> collections, MutinyEmitter<String> kafka,
            String originHeader) {
        this.database = database;
        this.collections = List.copyOf(collections);
        this.kafka = kafka;
        this.originHeader = originHeader;
    }

    /** After a change that wrote events into these documents of a collection: send them now. */
    public void nudge(String collection, Collection<String> ids) {
        ids.forEach(id -> named.add(new Holder(collection, id)));
        // a failure here leaves the documents named for the next retry
        relay().subscribe().with(sent -> { }, failure -> LOG.debugf("outbox relay: %s", failure.getMessage()));
    }

    /** Tries again the documents whose events Kafka refused; call it every few seconds. */
    public Uni<Void> retry() {
        return named.isEmpty() ? Uni.createFrom().voidItem() : relayLogged();
    }

    /** Looks through every collection for events no change named (a crash's leftovers) and sends them. */
    public Uni<Void> sweep() {
        sweepWanted.set(true);
        return relayLogged();
    }

    private Uni<Void> relayLogged() {
        return relay().onFailure().recoverWithItem(failure -> {
            LOG.warnf("outbox relay: %s (trying again later)", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** Runs passes until nothing is asked for; a call while a pass runs is taken up by that pass's successor. */
    public Uni<Integer> relay() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return pass()
                .eventually(() -> running.set(false))
                .call(sent -> named.isEmpty() && !sweepWanted.get() ? Uni.createFrom().voidItem() : relay());
    }

    private Uni<Integer> pass() {
        if (sweepWanted.getAndSet(false)) {
            named.clear();
            return Multi.createFrom().iterable(collections)
                    // a full batch may have left more behind: sweep again straight after
                    .onItem().transformToUniAndConcatenate(name -> drain(name, exists("outbox.0", true), false)
                            .invoke(documents -> {
                                if (documents == BATCH) {
                                    sweepWanted.set(true);
                                }
                            }))
                    .collect().with(Collectors.summingInt(Integer::intValue));
        }
        Map<String, List<List<String>>> byCollection = new LinkedHashMap<>();
        for (Holder holder : List.copyOf(named)) {
            named.remove(holder);
            List<List<String>> chunks = byCollection.computeIfAbsent(holder.collection(), c -> new ArrayList<>());
            // no more ids to a query than a drain reads documents, so none is cut off
            if (chunks.isEmpty() || chunks.get(chunks.size() - 1).size() == BATCH) {
                chunks.add(new ArrayList<>());
            }
            chunks.get(chunks.size() - 1).add(holder.id());
        }
        return Multi.createFrom().iterable(byCollection.entrySet())
                .onItem().transformToMultiAndConcatenate(entry -> Multi.createFrom().iterable(entry.getValue())
                        .onItem().transformToUniAndConcatenate(ids -> drain(entry.getKey(), in("_id", ids), true)
                                // Kafka away: these documents are tried again at the next retry
                                .onFailure().invoke(() -> ids.forEach(id -> named.add(new Holder(entry.getKey(), id))))))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    /**
     * Publishes the events of at most {@code BATCH} documents the filter finds, and says how many
     * documents it read. {@code appliedHere}: the documents were named by changes this replica
     * applied to its own cache and index before naming them (a later change re-reads the whole
     * document, so it covers an earlier one of the same document too).
     */
    private Uni<Integer> drain(String name, Bson filter, boolean appliedHere) {
        ReactiveMongoCollection<Document> collection = database.getCollection(name);
        return collection.find(filter).select().first(BATCH)
                .onItem().transformToUniAndConcatenate(document -> publish(collection, document, appliedHere))
                .collect().asList().map(List::size);
    }

    /**
     * The event's own id, under the name it is stored with: a POJO's {@code id} property is written
     * as {@code _id}, even in an embedded document, by the MongoDB POJO codec's conventions. Pulling
     * by a name the entries do not have would match, and remove, every event of the document,
     * those not sent yet included.
     */
    static Document identity(Document event) {
        if (event.get("id") != null) {
            return new Document("id", event.get("id"));
        }
        if (event.get("_id") != null) {
            return new Document("_id", event.get("_id"));
        }
        throw new IllegalStateException("an outbox entry without an id: " + event.keySet());
    }

    /** Names the replica that made the change, when it has applied it: it then skips the change coming back. */
    private RecordHeaders origin(Document event, boolean appliedHere) {
        RecordHeaders headers = new RecordHeaders();
        String origin = event.getString("origin");
        if (originHeader != null && appliedHere && origin != null) {
            headers.add(originHeader, origin.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Sends a document's events, oldest first, and says how many (an item per document, even with none left). */
    private Uni<Integer> publish(ReactiveMongoCollection<Document> collection, Document document, boolean appliedHere) {
        List<Document> pending = document.getList("outbox", Document.class, List.of());
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(event -> kafka.sendMessage(Message.of(event.getString("envelope"))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withTopic(event.getString("topic"))
                                .withKey(event.getString("key"))
                                .withHeaders(origin(event, appliedHere))
                                .build()))
                        .chain(() -> collection.updateOne(eq("_id", document.get("_id")), Updates.pull("outbox", identity(event)))))
                .collect().asList().map(List::size);
    }
}
