package io.tickwire.system;

import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.SymbolDefinitionDecoder;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a journal from its start with the schema's decoders, learning tickers from its symbol definitions: every
 * other record goes to the visitor, its header wrapped, with the ticker of any symbol id defined so far.
 */
final class TickerRecords
{
    interface Visitor
    {
        void onRecord(MessageHeaderDecoder header, DirectBuffer buffer, long index, Map<Integer, String> tickers);
    }

    private TickerRecords()
    {
    }

    static void read(final Path journal, final Visitor visitor)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final SymbolDefinitionDecoder symbol = new SymbolDefinitionDecoder();
        final Map<Integer, String> tickers = new HashMap<>();
        try (ChronicleQueue queue = Journal.openForRead(journal); JournalReader reader = new JournalReader(queue))
        {
            reader.toStart().drain((buffer, length, index) ->
            {
                header.wrap(buffer, 0);
                if (header.templateId() == SymbolDefinitionDecoder.TEMPLATE_ID)
                {
                    symbol.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                    tickers.put(symbol.symbolId(), symbol.ticker());
                }
                else
                {
                    visitor.onRecord(header, buffer, index, tickers);
                }
            });
        }
    }
}
