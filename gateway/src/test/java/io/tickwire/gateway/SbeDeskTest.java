package io.tickwire.gateway;

import io.tickwire.codecs.sbe.DeskDataDecoder;
import io.tickwire.codecs.sbe.DeskNoticeDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.NoticeType;
import io.tickwire.codecs.sbe.SymbolDefinitionDecoder;
import io.tickwire.codecs.sbe.TradeDecoder;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.testing.WebSocketTestClient;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static io.tickwire.gateway.OutputRecords.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A desk on binary SBE ({@code /ws?encoding=sbe}), decoded with nothing but the schema's generated decoders:
 * session messages as DeskNotice, symbol definitions first, then each record exactly as the journal holds
 * it behind a DeskData envelope.
 */
class SbeDeskTest
{
    @TempDir
    Path dir;

    private OutputRecords records;
    private GatewayServer gateway;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @BeforeEach
    void start()
    {
        records = new OutputRecords(dir.resolve("output"));
        records.symbol(1, "SPY");
    }

    @AfterEach
    void stop()
    {
        gateway.close();
        records.close();
    }

    @Test
    void shouldSendEveryRecordAsTheJournalHoldsItBehindAnEnvelope() throws Exception
    {
        final long first = records.trade(1, T0, 600_000_000L, 100);
        gateway = GatewayServer.start(GatewaySettings.defaults().port(0), records.journal,
            EngineLink.none((reason) -> { }));
        try (WebSocketTestClient desk = WebSocketTestClient.connect(gateway.webSocketUrl() + "?encoding=sbe", Map.of()))
        {
            final DeskNoticeDecoder welcome = notice(desk.awaitBinary(5_000));
            assertEquals(NoticeType.WELCOME, welcome.type());
            assertTrue(welcome.json().contains("\"channels\":[\"trades\""), "the details, as JSON desks get them");

            final byte[] definition = desk.awaitBinary(5_000);
            final DeskDataDecoder symbolEnvelope = data(definition);
            assertEquals(DeskWriter.SYMBOL_DEFINITIONS, symbolEnvelope.channel());
            assertEquals(SymbolDefinitionDecoder.TEMPLATE_ID, recordTemplate(definition, symbolEnvelope));

            desk.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            assertEquals(NoticeType.SUBSCRIBED, notice(desk.awaitBinary(5_000)).type());
            final byte[] snapshot = desk.awaitBinary(5_000);
            final DeskDataDecoder snapshotEnvelope = data(snapshot);
            assertTrue(snapshotEnvelope.flags().snapshot());
            assertEquals(-1, snapshotEnvelope.js());
            assertEquals(GatewayChannels.TRADES, snapshotEnvelope.channel());
            assertArrayEquals(journalRecord(first), record(snapshot, snapshotEnvelope), "the journal's bytes");
            final DeskNoticeDecoder end = notice(desk.awaitBinary(5_000));
            assertEquals(NoticeType.SNAPSHOT_END, end.type());
            assertEquals(first, end.js());

            final long second = records.trade(1, T0 + 1, 600_010_000L, 200);
            final byte[] live = desk.awaitBinary(5_000);
            final DeskDataDecoder liveEnvelope = data(live);
            assertFalse(liveEnvelope.flags().snapshot());
            assertEquals(second, liveEnvelope.js());
            assertEquals(snapshotEnvelope.seq() + 1, liveEnvelope.seq());
            final byte[] bytes = record(live, liveEnvelope);
            assertArrayEquals(journalRecord(second), bytes);
            final TradeDecoder trade = new TradeDecoder().wrapAndApplyHeader(new UnsafeBuffer(bytes), 0,
                new MessageHeaderDecoder());
            assertEquals(600_010_000L, trade.price());
            assertEquals(200_000_000L, trade.size());
        }
    }

    private DeskNoticeDecoder notice(final byte[] frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        header.wrap(buffer, 0);
        assertEquals(DeskNoticeDecoder.TEMPLATE_ID, header.templateId(), "a DeskNotice");
        return new DeskNoticeDecoder().wrapAndApplyHeader(buffer, 0, header);
    }

    private DeskDataDecoder data(final byte[] frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        header.wrap(buffer, 0);
        assertEquals(DeskDataDecoder.TEMPLATE_ID, header.templateId(), "a DeskData");
        return new DeskDataDecoder().wrapAndApplyHeader(buffer, 0, header);
    }

    private static byte[] record(final byte[] frame, final DeskDataDecoder envelope)
    {
        return Arrays.copyOfRange(frame, MessageHeaderDecoder.ENCODED_LENGTH + envelope.sbeBlockLength(), frame.length);
    }

    private int recordTemplate(final byte[] frame, final DeskDataDecoder envelope)
    {
        header.wrap(new UnsafeBuffer(record(frame, envelope)), 0);
        return header.templateId();
    }

    private byte[] journalRecord(final long position)
    {
        final JournalReader reader = new JournalReader(records.journal);
        assertTrue(reader.moveTo(position));
        final byte[][] bytes = new byte[1][];
        reader.poll((buffer, length, index) ->
        {
            bytes[0] = new byte[length];
            buffer.getBytes(0, bytes[0]);
        });
        reader.close();
        return bytes[0];
    }
}
