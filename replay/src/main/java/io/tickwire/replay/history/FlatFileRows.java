package io.tickwire.replay.history;

import io.tickwire.codecs.sbe.AggregateKind;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.TradeIdKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a Massive flat file (../shared/massive-protocol.md, "Flat files") into a ring event, by the
 * file's own header: trades_v1, quotes_v1 and minute_aggs_v1, columns as Massive documents them, sizes and
 * volumes decimal or integer. A row that cannot be read says why ({@link Rejected}).
 */
final class FlatFileRows
{
    /** What a flat file holds, told by its header. */
    enum Kind
    {
        TRADES(List.of("ticker", "price", "size", "sip_timestamp")),
        QUOTES(List.of("ticker", "bid_price", "bid_size", "ask_price", "ask_size", "sip_timestamp")),
        MINUTE_AGGS(List.of("ticker", "volume", "open", "close", "high", "low", "window_start"));

        final List<String> required;

        Kind(final List<String> required)
        {
            this.required = required;
        }
    }

    /** A row that cannot be imported, with the reason. */
    static final class Rejected extends Exception
    {
        Rejected(final String reason)
        {
            super(reason, null, false, false);
        }
    }

    private static final long MINUTE = 60_000_000_000L;

    final Kind kind;
    private final Map<String, Integer> columns = new HashMap<>();

    /** @throws IllegalArgumentException when the header is not one of the three files' */
    FlatFileRows(final String header)
    {
        final String[] names = header.trim().split(",");
        for (int i = 0; i < names.length; i++)
        {
            columns.put(names[i].trim(), i);
        }
        kind = columns.containsKey("bid_price") ? Kind.QUOTES : columns.containsKey("window_start") ?
            Kind.MINUTE_AGGS : Kind.TRADES;
        for (final String required : kind.required)
        {
            if (!columns.containsKey(required))
            {
                throw new IllegalArgumentException("not a Massive trades, quotes or minute aggregates file: no '" +
                    required + "' column in " + header);
            }
        }
    }

    /** The row's ticker, and the event it becomes (symbol id left for the importer). */
    String read(final String line, final MarketEvent e) throws Rejected
    {
        final String[] cells = split(line);
        final String ticker = cell(cells, "ticker");
        if (ticker.isEmpty())
        {
            throw new Rejected("no ticker");
        }
        switch (kind)
        {
            case TRADES -> trade(cells, e);
            case QUOTES -> quote(cells, e);
            default -> minute(cells, e);
        }
        e.source = Source.BACKFILL.value();
        return ticker;
    }

    private void trade(final String[] cells, final MarketEvent e) throws Rejected
    {
        e.reset(EventType.TRADE);
        e.eventTime = nanos(cells, "sip_timestamp");
        e.participantTime = optionalNanos(cells, "participant_timestamp");
        e.trfTime = optionalNanos(cells, "trf_timestamp");
        e.price = decimal(cells, "price");
        e.size = decimal(cells, "size");
        e.exchange = (int)optionalLong(cells, "exchange");
        e.trfId = (int)optionalLong(cells, "trf_id");
        e.tape = (int)optionalLong(cells, "tape");
        e.sequence = optionalLong(cells, "sequence_number");
        if (e.size % FixedPoint.SCALE != 0)
        {
            e.flags |= MarketEvent.FLAG_FRACTIONAL_SIZE;
        }
        final String conditions = cell(cells, "conditions");
        if (!conditions.isEmpty())
        {
            for (final String c : conditions.split(","))
            {
                if (e.conditionCount < MarketEvent.MAX_CONDITIONS)
                {
                    e.conditions[e.conditionCount++] = (byte)Integer.parseInt(c.trim());
                }
            }
        }
        final String id = cell(cells, "id");
        if (!id.isEmpty())
        {
            e.text(id);
            final char[] chars = id.toCharArray();
            e.tradeIdKey = TradeIdKey.of(chars, 0, chars.length);
        }
        else
        {
            e.tradeIdKey = TradeIdKey.withoutId(e.sequence, e.eventTime, e.price, e.size);
        }
    }

    private void quote(final String[] cells, final MarketEvent e) throws Rejected
    {
        e.reset(EventType.QUOTE);
        e.eventTime = nanos(cells, "sip_timestamp");
        e.participantTime = optionalNanos(cells, "participant_timestamp");
        e.bidPrice = decimal(cells, "bid_price");
        e.bidSize = decimal(cells, "bid_size");
        e.askPrice = decimal(cells, "ask_price");
        e.askSize = decimal(cells, "ask_size");
        e.bidExchange = (int)optionalLong(cells, "bid_exchange");
        e.askExchange = (int)optionalLong(cells, "ask_exchange");
        e.tape = (int)optionalLong(cells, "tape");
        e.sequence = optionalLong(cells, "sequence_number");
    }

    private void minute(final String[] cells, final MarketEvent e) throws Rejected
    {
        e.reset(EventType.AGGREGATE);
        e.aggregateKind = AggregateKind.MINUTE.value();
        e.startTime = nanos(cells, "window_start");
        e.endTime = e.startTime + MINUTE;
        e.eventTime = e.endTime;
        e.open = decimal(cells, "open");
        e.high = decimal(cells, "high");
        e.low = decimal(cells, "low");
        e.price = decimal(cells, "close");
        e.size = decimal(cells, "volume");
    }

    private String cell(final String[] cells, final String name)
    {
        final Integer i = columns.get(name);
        return i == null || i >= cells.length ? "" : cells[i].trim();
    }

    private long decimal(final String[] cells, final String name) throws Rejected
    {
        final String text = cell(cells, name);
        final long value = text.isEmpty() ? FixedPoint.INVALID : FixedPoint.parse(text);
        if (value == FixedPoint.INVALID || value < 0)
        {
            throw new Rejected("'" + name + "' is not a decimal: '" + text + "'");
        }
        return value;
    }

    private long nanos(final String[] cells, final String name) throws Rejected
    {
        final long value = optionalLong(cells, name);
        if (value <= 0)
        {
            throw new Rejected("'" + name + "' is not a time in ns: '" + cell(cells, name) + "'");
        }
        return value;
    }

    private long optionalNanos(final String[] cells, final String name) throws Rejected
    {
        return Math.max(0, optionalLong(cells, name));
    }

    private long optionalLong(final String[] cells, final String name) throws Rejected
    {
        final String text = cell(cells, name);
        if (text.isEmpty())
        {
            return 0;
        }
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new Rejected("'" + name + "' is not a whole number: '" + text + "'");
        }
    }

    /** CSV cells; a quoted cell (conditions "12,37") keeps its commas. */
    private static String[] split(final String line)
    {
        final List<String> cells = new java.util.ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else
            {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }
}
