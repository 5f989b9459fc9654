package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Live setups in a Chronicle Map file: setup id to its RESTORE command's SBE bytes. Written by the evaluator
 * thread on setup changes only (rare next to ticks); read once at start.
 */
public final class ChronicleSetupStore implements SetupStore
{
    private final ChronicleMap<Long, byte[]> map;
    private final EventCodec codec = new EventCodec();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

    public ChronicleSetupStore(final File file, final long maxSetups)
    {
        try
        {
            file.getParentFile().mkdirs();
            map = ChronicleMapBuilder.of(Long.class, byte[].class)
                .name("tickwire-setups")
                .entries(maxSetups)
                .averageValueSize(160)
                .createPersistedTo(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open setup store " + file, ex);
        }
    }

    @Override
    public void put(final MarketEvent restoreCommand)
    {
        restoreCommand.type = EventType.SETUP_COMMAND;
        restoreCommand.setupOp = SetupOp.RESTORE.value();
        final int length = codec.encodeInput(restoreCommand, buffer, 0);
        map.put(restoreCommand.setupId, Arrays.copyOf(buffer.byteArray(), length));
    }

    @Override
    public void remove(final long setupId)
    {
        map.remove(setupId);
    }

    @Override
    public void forEach(final Consumer<MarketEvent> restoreCommands)
    {
        final TreeMap<Long, byte[]> ordered = new TreeMap<>();
        // Chronicle Map hands every entry in the same reused value array: keep a copy of each
        map.forEach((id, bytes) -> ordered.put(id, bytes.clone()));
        final MarketEvent e = new MarketEvent();
        for (final byte[] bytes : ordered.values())
        {
            if (codec.decode(new UnsafeBuffer(bytes), 0, e))
            {
                restoreCommands.accept(e);
            }
        }
    }

    public int size()
    {
        return map.size();
    }

    @Override
    public void close()
    {
        map.close();
    }
}
