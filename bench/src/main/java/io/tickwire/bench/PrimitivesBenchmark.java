package io.tickwire.bench;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.latency.LatencyHistogram;
import io.tickwire.model.latency.LatencyHistograms;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.config.Keys;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Comparator;

/**
 * Each tickwire path beside the bare primitive under it, in the same run: SBE encode/decode of a trade,
 * a ring hop (bare Disruptor publish vs tickwire's staged-batch publisher), a journal append (bare Chronicle
 * document of the same bytes vs tickwire's encode + append) and a tail (bare read vs read + decode).
 * Scores per event; -prof gc gives bytes per event.
 */
public class PrimitivesBenchmark extends BenchmarkDefaults
{
    static final int BATCH = 256;

    private final EventCodec codec = new EventCodec();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final MarketEvent trade = new MarketEvent();
    private final MarketEvent decoded = new MarketEvent();
    private int encodedLength;
    private final byte[] record = new byte[512];

    private Disruptor<MarketEvent> disruptor;
    private RingBuffer<MarketEvent> ring;
    private RingPublisher publisher;
    /** The live node's publisher: it also records each frame's receipt-to-ring latency. */
    private RingPublisher timedPublisher;
    private final LatencyHistogram latency = LatencyHistograms.live().stage("bench");
    private final StagedBatch batch = new StagedBatch();

    private Path dir;
    private ChronicleQueue queue;
    private ExcerptAppender bareAppender;
    private JournalAppender appender;
    private ExcerptTailer bareTailer;
    private JournalReader reader;
    private final JournalReader.RecordHandler decodeRecord = (b, length, index) -> codec.decode(b, 0, decoded);

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        BenchEvents.trade(trade, 7);
        trade.trfId = 201;
        trade.sequence = 123_456;
        trade.tradeIdKey = 52_983_525_034_215L;
        encodedLength = codec.encodeOutput(trade, buffer, 0);
        buffer.getBytes(0, record, 0, encodedLength);

        disruptor = new Disruptor<>(MarketEvent::new, 1 << 16, Thread::new, ProducerType.SINGLE, new BlockingWaitStrategy());
        disruptor.handleEventsWith((EventHandler<MarketEvent>)(e, sequence, endOfBatch) -> { });
        ring = disruptor.start();
        publisher = new RingPublisher(ring, null, new EngineCounters());
        timedPublisher = new RingPublisher(ring, null, new EngineCounters(), LatencyHistograms.live().hop(LatencyHistograms.Hop.RECEIVE_TO_RING));
        for (int i = 0; i < BATCH; i++)
        {
            batch.add(EventType.TRADE).copyInputFrom(trade);
        }

        dir = Files.createTempDirectory("tickwire-bench-journal");
        queue = Journal.open(dir, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0));
        bareAppender = queue.createAppender();
        appender = new JournalAppender(queue);
        bareTailer = queue.createTailer().toStart();
        reader = new JournalReader(queue).toStart();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        disruptor.halt();
        queue.close();
        try (var paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
        }
    }

    @Benchmark
    public int sbeEncodeTrade()
    {
        return codec.encodeOutput(trade, buffer, 0);
    }

    @Benchmark
    public boolean sbeDecodeTrade()
    {
        return codec.decode(buffer, 0, decoded);
    }

    /** The primitive: claim, fill in place, publish, one event at a time. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void bareDisruptorPublish()
    {
        for (int i = 0; i < BATCH; i++)
        {
            final long sequence = ring.next();
            ring.get(sequence).price = i;
            ring.publish(sequence);
        }
    }

    /** tickwire: a staged frame copied into the ring in one claim (the ingest path). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public boolean tickwireRingPublish()
    {
        return publishWhenRoom(publisher);
    }

    /** The primitive: one Chronicle document holding the same bytes. */
    /** The same, timed as the live node times it (receipt to ring, once per frame). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public boolean tickwireRingPublishTimed()
    {
        return publishWhenRoom(timedPublisher);
    }

    private boolean publishWhenRoom(final RingPublisher p)
    {
        while (!ring.hasAvailableCapacity(BATCH))
        {
            Thread.onSpinWait();
        }
        return p.publish(batch, RingPublisher.NO_CLUSTER);
    }

    /** The bare clock read a latency record costs, beside it. */
    @Benchmark
    public long bareNanoTime()
    {
        return System.nanoTime();
    }

    /** A stage's service-time sample: two clock reads and an HdrHistogram record. */
    @Benchmark
    public void latencyRecord()
    {
        latency.record(System.nanoTime() - System.nanoTime() + 1_000);
    }

    @Benchmark
    public void bareChronicleAppend()
    {
        try (DocumentContext dc = bareAppender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.write(record, 0, encodedLength);
        }
    }

    /** tickwire: SBE-encode the event and append it (the journal stages). */
    @Benchmark
    public void tickwireEncodeAndAppend()
    {
        appender.appendScratch(codec.encodeOutput(trade, appender.scratch(), 0));
    }

    /** The primitive: read the next document's bytes (back to the start when the journal runs out). */
    @Benchmark
    public long bareChronicleTail()
    {
        try (DocumentContext dc = bareTailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                bareTailer.toStart();
                return 0;
            }
            return dc.wire().bytes().readRemaining();
        }
    }

    /** tickwire: read the next record and decode it into an event (replay, the gateway). */
    @Benchmark
    public int tickwireTailAndDecode()
    {
        if (reader.poll(decodeRecord) == 0)
        {
            reader.toStart();
            return 0;
        }
        return decoded.symbolId;
    }
}
