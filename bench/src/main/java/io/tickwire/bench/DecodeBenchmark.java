package io.tickwire.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.tickwire.massive.MassiveFrameDecoder;
import io.tickwire.massive.SampleFrames;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.symbols.SymbolTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;

/**
 * Massive JSON frame to normalized events (tickwire's decoder), beside the bare primitive underneath it:
 * jackson-core's non-blocking parser walking the same frame's tokens and doing nothing with them.
 * Reported per event (a frame holds {@link #EVENTS}); run with -prof gc for bytes per event.
 */
public class DecodeBenchmark extends BenchmarkDefaults
{
    static final int EVENTS = 32;

    private byte[] frame;
    private MassiveFrameDecoder decoder;
    private final StagedBatch batch = new StagedBatch();
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    @Setup
    public void setUp() throws IOException
    {
        frame = SampleFrames.frame(EVENTS, 1_763_730_000_000L);
        final SymbolTable symbols = new SymbolTable((id, ticker) -> { });
        decoder = new MassiveFrameDecoder(symbols, (code, status, message) -> { });
        parser = new JsonFactory().createNonBlockingByteArrayParser();
        feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
        decoder.decode(frame, frame.length, 0, batch);
        for (int i = 0; i < batch.size(); i++)
        {
            symbols.markAnnounced(batch.get(i).symbolId);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int tickwireDecode()
    {
        decoder.decode(frame, frame.length, 1_763_730_000_000_000_000L, batch);
        return batch.size();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int bareJacksonTokenize() throws IOException
    {
        feeder.feedInput(frame, 0, frame.length);
        int tokens = 0;
        while (parser.nextToken() != JsonToken.NOT_AVAILABLE)
        {
            tokens++;
        }
        return tokens;
    }
}
