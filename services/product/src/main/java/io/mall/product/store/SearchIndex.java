package io.mall.product.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.mall.product.domain.Product;
import io.mall.product.domain.Variant;

/**
 * Full-text search over the active catalog, in memory, rebuilt from MongoDB at start and kept
 * current by every change this service makes. Text is analysed twice: by Nori (Korean morphology,
 * so 운동화 is found inside 러닝운동화를) and by Lucene's English analyser (lower case, stemming,
 * so "Shoes" finds "shoe"). Relevance is BM25 with name above brand above the rest. Facets are
 * counted over the filtered result. Lucene calls are CPU-bound: callers run them off the event loop.
 */
@ApplicationScoped
public class SearchIndex {

    public enum Sorting {
        RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, RATING
    }

    /** What a shopper asked for; null fields do not filter. */
    public record Criteria(String text, List<String> categoryIds, Long minPrice, Long maxPrice, Map<String, String> attributes,
            Boolean inStock, Double minRating, Sorting sorting, int page, int size) {
    }

    public record Bucket(String value, long count) {
    }

    /** A product as a listing shows it, read from the index alone: a search needs no database round trip. */
    public record Hit(String id, String name, String brand, long fromPrice, String currency, String image, long ratingCount,
            double ratingAverage, boolean inStock) {
    }

    public record Result(List<Hit> hits, long total, Map<String, List<Bucket>> facets) {
    }

    /** Facet ordinals of one index generation: costly to build, so built once per reader, not per search. */
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /** Price buckets of the facet, in minor units of KRW. */
    static final LongRange[] PRICE_BUCKETS = {
        new LongRange("0-10000", 0, true, 10_000, false),
        new LongRange("10000-30000", 10_000, true, 30_000, false),
        new LongRange("30000-50000", 30_000, true, 50_000, false),
        new LongRange("50000-100000", 50_000, true, 100_000, false),
        new LongRange("100000-", 100_000, true, Long.MAX_VALUE, true)
    };

    private static final String[] TEXT_FIELDS = { "name", "brand", "text" };
    private static final float[] BOOSTS = { 3f, 2f, 1f };

    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Reopens the searcher for waiting writers together: many concurrent changes share one reopen. */
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final FacetsConfig facets = new FacetsConfig();
    private volatile FacetState facetState;

    /** Searches answered by kept results at most per index generation; past it the least asked give way. */
    static final int RESULTS_KEPT = 1_000;

    /**
     * The results of one index generation, by criteria: a search asked again (a popular word, a
     * category page) is answered from here, facets and all, until the index changes; the next
     * generation starts empty, so nothing kept outlives the documents it was counted from.
     */
    private record ResultsOf(long generation, Cache<Criteria, Result> byCriteria) {
        ResultsOf(long generation) {
            // maintained on the searching thread: eviction is a few map operations, and needs no pool
            this(generation, Caffeine.newBuilder().maximumSize(RESULTS_KEPT).executor(Runnable::run).build());
        }
    }

    private volatile ResultsOf results = new ResultsOf(-1);

    SearchIndex() {
        Map<String, Analyzer> perField = new LinkedHashMap<>();
        Analyzer korean = new KoreanAnalyzer(null, KoreanTokenizer.DecompoundMode.MIXED, KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, false);
        Analyzer english = new EnglishAnalyzer();
        for (String field : TEXT_FIELDS) {
            perField.put(field + "_ko", korean);
            perField.put(field + "_en", english);
        }
        analyzer = new PerFieldAnalyzerWrapper(english, perField);
        facets.setMultiValued("category", true);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.005);
        reopener.setName("search-index-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /** Adds or replaces a product and returns once searches see it; archived products leave the index. */
    public void put(Product product, List<String> categoryPath, boolean inStock) {
        try {
            reopener.waitForGeneration(write(product, categoryPath, inStock));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the search index reopened", e);
        }
    }

    /** Adds or replaces a product, visible after the next {@link #refresh()}: for loading many. Returns the change's sequence number. */
    public long write(Product product, List<String> categoryPath, boolean inStock) {
        try {
            if (product.archived) {
                return writer.deleteDocuments(new Term("id", product.id));
            }
            return writer.updateDocument(new Term("id", product.id), facets.build(document(product, categoryPath, inStock)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clear() {
        try {
            writer.deleteAll();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result search(Criteria criteria) {
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            long generation = ((DirectoryReader) searcher.getIndexReader()).getVersion();
            ResultsOf kept = results;
            if (generation > kept.generation()) {
                kept = new ResultsOf(generation);
                results = kept;
            }
            // a searcher still on an older generation answers, but keeps nothing
            boolean keep = generation == kept.generation();
            Result known = keep ? kept.byCriteria().getIfPresent(criteria) : null;
            if (known != null) {
                return known;
            }
            Result result = run(searcher, criteria);
            if (keep) {
                kept.byCriteria().put(criteria, result);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException ignored) {
                    // releasing an in-memory searcher does not fail
                }
            }
        }
    }

    private Result run(IndexSearcher searcher, Criteria criteria) throws IOException {
        Query query = query(criteria);
        int wanted = (criteria.page() + 1) * criteria.size();
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(searcher, query, Math.max(1, wanted),
                sort(criteria.sorting(), criteria.text()), new FacetsCollectorManager());
        TopDocs top = found.topDocs();
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        StoredFields stored = searcher.storedFields();
        for (int i = criteria.page() * criteria.size(); i < docs.length; i++) {
            hits.add(hit(stored.document(docs[i].doc)));
        }
        // the facets collector saw every match: its counts are the exact total, with no second pass
        long total = found.facetsCollector().getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        // kept and shared by every request that asks the same: nothing may change it
        return new Result(List.copyOf(hits), total, Collections.unmodifiableMap(facetCounts(searcher, found.facetsCollector())));
    }

    private Map<String, List<Bucket>> facetCounts(IndexSearcher searcher, FacetsCollector collector) throws IOException {
        Map<String, List<Bucket>> counts = new LinkedHashMap<>();
        if (searcher.getIndexReader().maxDoc() > 0 && !collector.getMatchingDocs().isEmpty()) {
            try {
                Facets sortedSets = new SortedSetDocValuesFacetCounts(facetState(searcher.getIndexReader()), collector);
                for (FacetResult result : sortedSets.getAllDims(20)) {
                    counts.put(result.dim, buckets(result));
                }
            } catch (IllegalArgumentException noFacetValuesYet) {
                // an index without any facet field yet
            }
        }
        Facets prices = new LongRangeFacetCounts("price", collector, PRICE_BUCKETS);
        counts.put("price", buckets(prices.getAllChildren("price")));
        return counts;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != reader) {
            current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
            facetState = current;
        }
        return current.state();
    }

    private static List<Bucket> buckets(FacetResult result) {
        List<Bucket> buckets = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue entry : result.labelValues) {
                buckets.add(new Bucket(entry.label, entry.value.longValue()));
            }
        }
        return buckets;
    }

    private Query query(Criteria criteria) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (criteria.text() != null && !criteria.text().isBlank()) {
            BooleanQuery.Builder text = new BooleanQuery.Builder();
            QueryBuilder words = new QueryBuilder(analyzer);
            for (int i = 0; i < TEXT_FIELDS.length; i++) {
                for (String language : List.of("_ko", "_en")) {
                    Query field = words.createBooleanQuery(TEXT_FIELDS[i] + language, criteria.text(), Occur.SHOULD);
                    if (field != null) {
                        text.add(new BoostQuery(field, BOOSTS[i]), Occur.SHOULD);
                    }
                }
            }
            BooleanQuery built = text.build();
            if (built.clauses().isEmpty()) {
                // only stop words: nothing can match
                query.add(new TermQuery(new Term("id", "\u0000")), Occur.MUST);
            } else {
                query.add(built, Occur.MUST);
            }
        } else {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (criteria.categoryIds() != null && !criteria.categoryIds().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            criteria.categoryIds().forEach(id -> any.add(new TermQuery(new Term("category_path", id)), Occur.SHOULD));
            query.add(any.build(), Occur.FILTER);
        }
        if (criteria.minPrice() != null || criteria.maxPrice() != null) {
            long min = criteria.minPrice() != null ? criteria.minPrice() : Long.MIN_VALUE;
            long max = criteria.maxPrice() != null ? criteria.maxPrice() : Long.MAX_VALUE;
            query.add(LongPoint.newRangeQuery("price", min, max), Occur.FILTER);
        }
        if (criteria.attributes() != null) {
            criteria.attributes().forEach((name, value) -> query.add(
                    new TermQuery(new Term("attrs", attributeTerm(name, value))), Occur.FILTER));
        }
        if (Boolean.TRUE.equals(criteria.inStock())) {
            query.add(IntPoint.newExactQuery("in_stock", 1), Occur.FILTER);
        }
        if (criteria.minRating() != null) {
            query.add(DoublePoint.newRangeQuery("rating", criteria.minRating(), Double.MAX_VALUE), Occur.FILTER);
        }
        return query.build();
    }

    private static Sort sort(Sorting sorting, String text) {
        Sorting effective = sorting == null ? (text == null || text.isBlank() ? Sorting.NEWEST : Sorting.RELEVANCE) : sorting;
        SortField tieBreak = new SortField("created", SortField.Type.LONG, true);
        return switch (effective) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, tieBreak);
            case PRICE_ASC -> new Sort(new SortField("price", SortField.Type.LONG), tieBreak);
            case PRICE_DESC -> new Sort(new SortField("price", SortField.Type.LONG, true), tieBreak);
            case NEWEST -> new Sort(tieBreak);
            case RATING -> new Sort(new SortField("rating", SortField.Type.DOUBLE, true), tieBreak);
        };
    }

    private static Document document(Product product, List<String> categoryPath, boolean inStock) {
        Document doc = new Document();
        doc.add(new StringField("id", product.id, Field.Store.YES));
        StringBuilder text = new StringBuilder(nullToEmpty(product.description));
        product.attributes.forEach((name, value) -> {
            text.append(' ').append(value);
            doc.add(new StringField("attrs", attributeTerm(name, value), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField("attr." + name, value));
        });
        for (Variant variant : product.variants) {
            variant.options.values().forEach(option -> text.append(' ').append(option));
        }
        Map<String, String> texts = Map.of("name", nullToEmpty(product.name), "brand", nullToEmpty(product.brand),
                "text", text.toString());
        texts.forEach((field, value) -> {
            doc.add(new TextField(field + "_ko", value, Field.Store.NO));
            doc.add(new TextField(field + "_en", value, Field.Store.NO));
        });
        if (product.brand != null && !product.brand.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField("brand", product.brand));
        }
        if (product.categoryId != null) {
            doc.add(new SortedSetDocValuesFacetField("category", product.categoryId));
        }
        categoryPath.forEach(id -> doc.add(new StringField("category_path", id, Field.Store.NO)));
        long price = product.fromPrice();
        doc.add(new LongPoint("price", price));
        doc.add(new NumericDocValuesField("price", price));
        doc.add(new IntPoint("in_stock", inStock ? 1 : 0));
        double rating = product.rating == null ? 0 : product.rating.average;
        doc.add(new DoublePoint("rating", rating));
        doc.add(new DoubleDocValuesField("rating", rating));
        // what a listing shows, kept beside the terms
        doc.add(new StoredField("name", nullToEmpty(product.name)));
        doc.add(new StoredField("brand", nullToEmpty(product.brand)));
        doc.add(new StoredField("price", price));
        if (!product.variants.isEmpty() && product.variants.get(0).currency != null) {
            doc.add(new StoredField("currency", product.variants.get(0).currency));
        }
        if (!product.images.isEmpty()) {
            doc.add(new StoredField("image", product.images.get(0)));
        }
        doc.add(new StoredField("rating_count", product.rating == null ? 0 : product.rating.count));
        doc.add(new StoredField("rating", rating));
        doc.add(new StoredField("in_stock", inStock ? 1 : 0));
        doc.add(new NumericDocValuesField("created", product.createdAt == null ? 0 : product.createdAt.toEpochMilli()));
        return doc;
    }

    private static Hit hit(Document doc) {
        return new Hit(doc.get("id"), doc.get("name"), emptyToNull(doc.get("brand")), doc.getField("price").numericValue().longValue(),
                doc.get("currency"), doc.get("image"), doc.getField("rating_count").numericValue().longValue(),
                doc.getField("rating").numericValue().doubleValue(), doc.getField("in_stock").numericValue().intValue() == 1);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String attributeTerm(String name, String value) {
        return name.toLowerCase(Locale.ROOT) + "=" + value.toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @PreDestroy
    void close() throws IOException {
        reopener.close();
        searchers.close();
        writer.close();
        directory.close();
    }
}
