package ai.switchboard.gateway.cache;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's HNSW vectors as they are, allowed the dimensions embeddings models have: Lucene's own format stops at
 * 1,024, and OpenAI's small and large embeddings have 1,536 and 3,072. Registered by name (Lucene finds a segment's
 * format by it), hence public with a public constructor.
 */
public final class WideHnswVectorsFormat extends KnnVectorsFormat {

    static final String NAME = "SwitchboardWideHnsw";
    private static final int MAX_DIMENSIONS = 8192;

    private final KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat();

    public WideHnswVectorsFormat() {
        super(NAME);
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
        return hnsw.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
        return hnsw.fieldsReader(state);
    }

    @Override
    public int getMaxDimensions(String fieldName) {
        return MAX_DIMENSIONS;
    }
}
