package io.tickwire.system;

import io.tickwire.codecs.sbe.DeadLetterDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.RawFrameDecoder;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything in a journal, decoded, for assertions. */
final class JournalContents
{
    record Trade(String ticker, long eventTime, long price, long size, int exchange, int trfId, String id, long q)
    {
    }

    record Quote(String ticker, long eventTime, long bid, long ask, long bidSize, long askSize)
    {
    }

    record IndexValue(String ticker, long eventTime, long value)
    {
    }

    record Bar(String ticker, int tf, String kind, long start, long open, long high, long low, long close,
        long volume, long vwap, int count)
    {
    }

    record DeadLetter(String reason, int eventIndex, String detail, String frame)
    {
    }

    final List<Trade> trades = new ArrayList<>();
    /** Each trade's source (tick, poll, backfill: Source values), in journal order. */
    final List<Integer> tradeSources = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();
    final List<IndexValue> indexValues = new ArrayList<>();
    final List<Bar> bars = new ArrayList<>();
    final List<MarketEvent> feedStatuses = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final List<String> rawFrames = new ArrayList<>();
    /** Sources seen on trades and quotes. */
    final java.util.Set<Integer> sources = new java.util.HashSet<>();
    int timerTicks;
    int engineStarts;
    int aggregates;
    private final Map<Integer, String> tickers = new HashMap<>();

    static JournalContents read(final Path dir)
    {
        final JournalContents c = new JournalContents();
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final MicrobarDecoder bar = new MicrobarDecoder();
        final DeadLetterDecoder dead = new DeadLetterDecoder();
        final RawFrameDecoder raw = new RawFrameDecoder();
        try (ChronicleQueue queue = Journal.openForRead(dir))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                header.wrap(buffer, 0);
                if (header.templateId() == MicrobarDecoder.TEMPLATE_ID)
                {
                    bar.wrapAndApplyHeader(buffer, 0, header);
                    c.bars.add(new Bar(c.tickers.get(bar.symbolId()), bar.timeframeMillis(),
                        bar.kind().name().toLowerCase(), bar.startTime(), bar.open(), bar.high(), bar.low(), bar.close(),
                        bar.volume(), bar.vwap(), bar.tradeCount()));
                    return;
                }
                if (header.templateId() == RawFrameDecoder.TEMPLATE_ID)
                {
                    raw.wrapAndApplyHeader(buffer, 0, header);
                    final byte[] frame = new byte[raw.frameLength()];
                    raw.getFrame(frame, 0, frame.length);
                    c.rawFrames.add(new String(frame));
                    return;
                }
                if (header.templateId() == DeadLetterDecoder.TEMPLATE_ID)
                {
                    dead.wrapAndApplyHeader(buffer, 0, header);
                    final String reason = dead.reason().name();
                    final int eventIndex = dead.eventIndex();
                    final String detail = dead.detail();
                    final byte[] frame = new byte[dead.frameLength()];
                    dead.getFrame(frame, 0, frame.length);
                    c.deadLetters.add(new DeadLetter(reason, eventIndex, detail, new String(frame)));
                    return;
                }
                if (!codec.decode(buffer, 0, e))
                {
                    return;
                }
                switch (e.type)
                {
                    case EventType.SYMBOL:
                        c.tickers.put(e.symbolId, e.textAsString());
                        break;
                    case EventType.TRADE:
                        c.sources.add(e.source);
                        c.tradeSources.add(e.source);
                        c.trades.add(new Trade(c.tickers.get(e.symbolId), e.eventTime, e.price, e.size, e.exchange,
                            e.trfId, e.textLength == 0 ? null : e.textAsString(), e.sequence));
                        break;
                    case EventType.QUOTE:
                        c.sources.add(e.source);
                        c.quotes.add(new Quote(c.tickers.get(e.symbolId), e.eventTime, e.bidPrice, e.askPrice,
                            e.bidSize, e.askSize));
                        break;
                    case EventType.INDEX_VALUE:
                        c.indexValues.add(new IndexValue(c.tickers.get(e.symbolId), e.eventTime, e.price));
                        break;
                    case EventType.TIMER:
                        c.timerTicks++;
                        break;
                    case EventType.ENGINE_START:
                        c.engineStarts++;
                        break;
                    case EventType.AGGREGATE:
                        c.aggregates++;
                        break;
                    case EventType.FEED_STATUS:
                        final MarketEvent copy = new MarketEvent();
                        copy.copyInputFrom(e);
                        c.feedStatuses.add(copy);
                        break;
                    default:
                        break;
                }
            });
        }
        return c;
    }
}
