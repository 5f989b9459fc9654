package io.tickwire.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.gateway.GatewayBenchmarkAccess;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;

/**
 * The gateway's per-message work beside the bare primitive: rendering a trade record to the desk JSON,
 * framed, into a Netty buffer, against copying an already-rendered message into one; and the
 * per-subscriber price throttle (admit or conflate). Run with -prof gc.
 */
public class GatewayBenchmark extends BenchmarkDefaults
{
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[512]);
    // One buffer, reused: the pool's per-message buffer is Netty's cost, and on JMH's plain threads Netty 4.2
    // withholds its thread cache and recycler that the gateway's writer thread has, so it would show garbage
    // the product does not make. The end-to-end harness measures the real writes (docs/benchmarks.md).
    private final ByteBuf target = PooledByteBufAllocator.DEFAULT.directBuffer(1024);
    private GatewayBenchmarkAccess gateway;
    private byte[] rendered;
    private long now;

    @Setup
    public void setUp()
    {
        final MarketEvent trade = BenchEvents.trade(new MarketEvent(), 1);
        trade.sequence = 99;
        new EventCodec().encodeOutput(trade, record, 0);
        gateway = new GatewayBenchmarkAccess("SPY");
        rendered = gateway.renderTrade(record).getBytes(StandardCharsets.US_ASCII);
    }

    @TearDown
    public void tearDown()
    {
        target.release();
    }

    /** The primitive: a finished JSON message into a Netty direct buffer (what Netty needs to write). */
    @Benchmark
    public int bareCopyIntoNettyBuffer()
    {
        target.clear();
        return target.writeBytes(rendered).readableBytes();
    }

    /** tickwire: the SBE trade record rendered as desk JSON with a sequence prefix, framed, into the same buffer. */
    @Benchmark
    public int tickwireRenderIntoNettyBuffer()
    {
        return gateway.renderIntoNettyBuffer(record, target);
    }

    /** The per-subscriber price throttle: 250 ms, updates every 10 µs for 64 symbols (mostly conflated). */
    @Benchmark
    public boolean tickwirePriceThrottle()
    {
        now += 10_000;
        return gateway.admitPrice((int)(now & 63) + 1, now);
    }
}
