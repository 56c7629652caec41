package ai.switchboard.gateway.cache;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An approximate nearest neighbour index of unit vectors in memory: Lucene's HNSW graphs in a heap directory. Entries
 * are named by a number the caller keeps; a search returns the numbers of the {@code k} nearest live entries (by dot
 * product, which for unit vectors is the cosine), an expired one never, whatever the graph holds. Additions and
 * deletions are seen by searches after {@link #refresh()}; callers keep what is newer and check what is found.
 * Not thread-safe for refresh and close; the caller serializes.
 */
final class VectorGraph implements Closeable {

    private static final String ID = "id";
    private static final String VECTOR = "vector";
    private static final String EXPIRES = "expires";

    private static final KnnVectorsFormat FORMAT = new WideHnswVectorsFormat();

    private final IndexWriter writer;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    VectorGraph() {
        try {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setCodec(new Lucene103Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return FORMAT;
                        }
                    })
                    // Segments are cut when the caller refreshes, not by size: fewer, larger graphs to search.
                    .setRAMBufferSizeMB(256)
                    .setCommitOnClose(false);
            writer = new IndexWriter(new ByteBuffersDirectory(), config);
            reader = DirectoryReader.open(writer);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(long id, float[] unitVector, long expiresAtMillis) {
        Document document = new Document();
        document.add(new LongField(ID, id, Field.Store.YES));
        document.add(new LongField(EXPIRES, expiresAtMillis, Field.Store.NO));
        document.add(new KnnFloatVectorField(VECTOR, unitVector, VectorSimilarityFunction.DOT_PRODUCT));
        try {
            writer.addDocument(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(long id) {
        try {
            writer.deleteDocuments(LongField.newExactQuery(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was added and deleted so far visible to searches. */
    void refresh() {
        try {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
            if (newer != null) {
                reader.close();
                reader = newer;
                searcher = new IndexSearcher(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of up to {@code k} live entries nearest to {@code unitVector}, nearest first. */
    long[] nearest(float[] unitVector, int k, long nowMillis) {
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, unitVector, k,
                    LongField.newRangeQuery(EXPIRES, nowMillis + 1, Long.MAX_VALUE)), k);
            StoredFields stored = searcher.storedFields();
            long[] ids = new long[top.scoreDocs.length];
            for (int i = 0; i < ids.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                ids[i] = stored.document(hit.doc).getField(ID).numericValue().longValue();
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
