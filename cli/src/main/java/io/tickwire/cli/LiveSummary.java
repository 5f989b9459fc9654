package io.tickwire.cli;

import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.SymbolDefinitionDecoder;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.gateway.GatewayCounters;
import io.tickwire.node.TickwireNode;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The demo's one-line summary, printed every interval: input rate, duplicates, drops, dead letters, journal
 * sizes, gateway clients and the last 1-second bar of one symbol, read from the output journal like any
 * other consumer would.
 */
final class LiveSummary implements Runnable, AutoCloseable
{
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("America/New_York"));

    private final TickwireNode node;
    private final String watchedTicker;
    private final long intervalMillis;
    private final PrintStream out;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SymbolDefinitionDecoder symbol = new SymbolDefinitionDecoder();
    private final MicrobarDecoder bar = new MicrobarDecoder();
    private int watchedId = -1;
    private String lastBar = "no bar yet";
    private volatile boolean running = true;
    private final Thread thread = new Thread(this, "tickwire-summary");

    /** @param node a node with an engine and a gateway: its counters and output journal are what is summarized */
    LiveSummary(final TickwireNode node, final String watchedTicker, final long intervalMillis, final PrintStream out)
    {
        this.node = node;
        this.watchedTicker = watchedTicker;
        this.intervalMillis = intervalMillis;
        this.out = out;
    }

    void start()
    {
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops and waits for the summary thread, so it never reads a journal that is being closed. */
    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run()
    {
        final EngineCounters engine = node.counters();
        final GatewayCounters gateway = node.gateway().counters();
        final JournalReader reader = new JournalReader(node.outputJournal()).toStart();
        long lastEvents = engine.eventsPublished.get();
        long lastTime = System.nanoTime();
        while (running)
        {
            try
            {
                Thread.sleep(intervalMillis);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            if (!running)
            {
                return;
            }
            reader.drain(this::onRecord);
            final long now = System.nanoTime();
            final long events = engine.eventsPublished.get();
            final double rate = (events - lastEvents) * 1e9 / (now - lastTime);
            lastEvents = events;
            lastTime = now;
            out.printf(Locale.ROOT,
                "in %,.0f ev/s | total %,d | dup %,d | drops %,d | dead letters %,d | reconnects %d backfilled %,d | " +
                    "journals in %s out %s | clients %d | %s 1s %s%n",
                rate, events, engine.duplicateTrades.get(), engine.ringFullEvents.get(), engine.deadLetters.get(),
                engine.reconnects.get(), engine.backfillEvents.get(),
                bytes(engine.inputJournalBytes.get()), bytes(engine.outputJournalBytes.get()), gateway.clients(),
                watchedTicker, lastBar);
        }
    }

    private void onRecord(final UnsafeBuffer buffer, final int length, final long index)
    {
        header.wrap(buffer, 0);
        if (header.templateId() == SymbolDefinitionDecoder.TEMPLATE_ID)
        {
            symbol.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            final int id = symbol.symbolId();
            if (symbol.ticker().equals(watchedTicker))
            {
                watchedId = id;
            }
        }
        else if (header.templateId() == MicrobarDecoder.TEMPLATE_ID)
        {
            bar.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            if (bar.symbolId() == watchedId && bar.timeframeMillis() == 1000)
            {
                lastBar = String.format(Locale.ROOT, "%s ET %s o %s h %s l %s c %s v %s n %d",
                    TIME.format(Instant.ofEpochSecond(0, bar.startTime())),
                    bar.kind().name().toLowerCase(Locale.ROOT), FixedPoint.toString(bar.open()),
                    FixedPoint.toString(bar.high()), FixedPoint.toString(bar.low()), FixedPoint.toString(bar.close()),
                    FixedPoint.toString(bar.volume()), bar.tradeCount());
            }
        }
    }

    private static String bytes(final long n)
    {
        if (n < 1024 * 1024)
        {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
}
