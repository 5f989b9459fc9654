import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time generator, run by the model's build (generate-sources): reads the event's field table
 * (market-event.fields) and the SBE schema ({@link EventTable}), and writes
 * <ul>
 *   <li>{@code io.tickwire.model.event.MarketEventFields}: the input fields of the ring event and their copy
 *   ({@link MarketEventFieldsWriter});</li>
 *   <li>{@code io.tickwire.model.journal.InputRecords}: each input message encoded from and decoded into them
 *   ({@link InputRecordsWriter}).</li>
 * </ul>
 * So the field list is written once, in the table; the wire layout is written once, in the schema.
 *
 * <pre>java EventFieldsGenerator TABLE SCHEMA OUTPUT_DIR</pre>
 */
public final class EventFieldsGenerator
{
    private EventFieldsGenerator()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final EventTable table = EventTable.read(Path.of(args[0]), Path.of(args[1]));
        final Path out = Path.of(args[2]);
        write(out.resolve("io/tickwire/model/event/MarketEventFields.java"), MarketEventFieldsWriter.write(table));
        write(out.resolve("io/tickwire/model/journal/InputRecords.java"), InputRecordsWriter.write(table));
    }

    private static void write(final Path file, final String text) throws IOException
    {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file).equals(text)) // unchanged: no recompilation
        {
            Files.writeString(file, text);
        }
    }
}
