import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build-time generator, run as a single-file program by the model's build (generate-sources): reads the event's
 * field table (market-event.fields) and the SBE schema, and writes
 * <ul>
 *   <li>{@code io.tickwire.model.event.MarketEventFields}: the input fields of the ring event and their copy;</li>
 *   <li>{@code io.tickwire.model.journal.InputRecords}: each input message encoded from and decoded into them.</li>
 * </ul>
 * So the field list is written once, in the table; the wire layout is written once, in the schema.
 *
 * <pre>java EventFieldsGenerator.java TABLE SCHEMA OUTPUT_DIR</pre>
 */
public final class EventFieldsGenerator
{
    /** An event field from the table. */
    record Field(String name, String kind, String size, String count, boolean verdict, String comment)
    {
    }

    /** A group of fields under one heading comment in the table. */
    record Group(String heading, List<Field> fields)
    {
    }

    /** An input message: its schema name, event type constant, renames and output-only field. */
    record Message(String name, String eventType, Map<String, String> renames, String outputOnly)
    {
    }

    /** A schema field of a message: name, type name, whether var data, sinceVersion. */
    record SchemaField(String name, String type, boolean data, int sinceVersion)
    {
    }

    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, Element> types = new HashMap<>();
    private final Map<String, List<SchemaField>> schemaMessages = new HashMap<>();

    public static void main(final String[] args) throws Exception
    {
        final EventFieldsGenerator generator = new EventFieldsGenerator();
        generator.readTable(Path.of(args[0]));
        generator.readSchema(Path.of(args[1]));
        final Path out = Path.of(args[2]);
        write(out.resolve("io/tickwire/model/event/MarketEventFields.java"), generator.fieldsClass());
        write(out.resolve("io/tickwire/model/journal/InputRecords.java"), generator.codecClass());
    }

    private static void write(final Path file, final String text) throws IOException
    {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file).equals(text)) // unchanged: no recompilation
        {
            Files.writeString(file, text);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private void readTable(final Path table) throws IOException
    {
        final List<String> lines = Files.readAllLines(table).stream().map(String::strip).toList();
        Group group = null;
        for (int n = 0; n < lines.size(); n++)
        {
            final String line = lines.get(n);
            if (line.isEmpty())
            {
                group = null;
                continue;
            }
            if (line.startsWith("#"))
            {
                if (n + 1 < lines.size() && isFieldLine(lines.get(n + 1))) // a heading: the comment above a block
                {
                    group = new Group(line.substring(1).strip(), new ArrayList<>());
                    groups.add(group);
                }
                continue;
            }
            if (line.startsWith("message "))
            {
                readMessage(line.split("\\s+"));
                continue;
            }
            final String comment = line.contains("//") ? line.substring(line.indexOf("//") + 2).strip() : null;
            final String[] words = (comment != null ? line.substring(0, line.indexOf("//")) : line).strip().split("\\s+");
            final String type = words[1];
            String count = null;
            boolean verdict = false;
            for (int i = 2; i < words.length; i++)
            {
                if (words[i].startsWith("count="))
                {
                    count = words[i].substring("count=".length());
                }
                else if (words[i].equals("verdict"))
                {
                    verdict = true;
                }
                else
                {
                    throw new IllegalArgumentException("unknown word " + words[i] + " in: " + line);
                }
            }
            final String kind = type.contains("[") ? type.substring(0, type.indexOf('[')) : type;
            final String size = type.contains("[") ? type.substring(type.indexOf('[') + 1, type.indexOf(']')) : null;
            final Field field = new Field(words[0], kind, size, count, verdict, comment);
            if (group == null)
            {
                group = new Group(null, new ArrayList<>());
                groups.add(group);
            }
            group.fields().add(field);
            fields.put(field.name(), field);
        }
    }

    private static boolean isFieldLine(final String line)
    {
        return !line.isEmpty() && !line.startsWith("#") && !line.startsWith("message ");
    }

    private void readMessage(final String[] words)
    {
        final Map<String, String> renames = new HashMap<>();
        String output = null;
        for (int i = 3; i < words.length; i++)
        {
            final String[] pair = words[i].split("=");
            if (pair[0].equals("output"))
            {
                output = pair[1];
            }
            else
            {
                renames.put(pair[0], pair[1]);
            }
        }
        messages.add(new Message(words[1], words[2], renames, output));
    }

    private void readSchema(final Path schema) throws Exception
    {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        final Document doc = factory.newDocumentBuilder().parse(schema.toFile());
        final NodeList typeNodes = doc.getElementsByTagName("types").item(0).getChildNodes();
        for (int i = 0; i < typeNodes.getLength(); i++)
        {
            if (typeNodes.item(i) instanceof Element e)
            {
                types.put(e.getAttribute("name"), e);
            }
        }
        final NodeList messageNodes = doc.getElementsByTagNameNS("*", "message");
        for (int i = 0; i < messageNodes.getLength(); i++)
        {
            final Element m = (Element)messageNodes.item(i);
            final List<SchemaField> list = new ArrayList<>();
            final NodeList children = m.getChildNodes();
            for (int j = 0; j < children.getLength(); j++)
            {
                final Node n = children.item(j);
                if (n instanceof Element f && (f.getTagName().equals("field") || f.getTagName().equals("data")))
                {
                    final String since = f.getAttribute("sinceVersion");
                    list.add(new SchemaField(f.getAttribute("name"), f.getAttribute("type"),
                        f.getTagName().equals("data"), since.isEmpty() ? 0 : Integer.parseInt(since)));
                }
            }
            schemaMessages.put(m.getAttribute("name"), list);
        }
    }

    // ---- MarketEventFields -----------------------------------------------------------------------------------

    private String fieldsClass()
    {
        final StringBuilder b = new StringBuilder();
        b.append("""
            package io.tickwire.model.event;

            /**
             * The input fields of the ring event: a flat union over every input type (only the fields of the event's
             * type are meaningful). Generated at build time from engine/model/src/main/codegen/market-event.fields by
             * EventFieldsGenerator: edit the table, not this file.
             */
            public abstract class MarketEventFields
            {
            """);
        for (final Group g : groups)
        {
            if (g.heading() != null)
            {
                b.append("    // ").append(g.heading()).append('\n');
            }
            for (final Field f : g.fields())
            {
                if (f.comment() != null)
                {
                    b.append("    /** ").append(capitalize(f.comment())).append(". */\n");
                }
                switch (f.kind())
                {
                    case "bytes" -> b.append("    public final byte[] ").append(f.name()).append(" = new byte[MarketEvent.")
                        .append(f.size()).append("];\n");
                    case "shorts" -> b.append("    public final short[] ").append(f.name())
                        .append(" = new short[MarketEvent.").append(f.size()).append("];\n");
                    case "text" -> b.append("    public final byte[] ").append(f.name()).append(" = new byte[MarketEvent.")
                        .append(f.size()).append("];\n    public int ").append(f.name()).append("Length;\n");
                    default -> b.append("    public ").append(f.kind()).append(' ').append(f.name()).append(";\n");
                }
            }
            b.append('\n');
        }
        b.append("""
                /** Copies every input field of {@code o}; clears the verdicts a stage sets. */
                protected final void copyFieldsFrom(final MarketEventFields o)
                {
            """);
        for (final Field f : fields.values())
        {
            switch (f.kind())
            {
                case "bytes", "shorts" -> b.append("        System.arraycopy(o.").append(f.name()).append(", 0, ")
                    .append(f.name()).append(", 0, o.").append(f.count()).append(");\n");
                case "text" -> b.append("        ").append(f.name()).append("Length = o.").append(f.name())
                    .append("Length;\n        System.arraycopy(o.").append(f.name()).append(", 0, ").append(f.name())
                    .append(", 0, o.").append(f.name()).append("Length);\n");
                default -> b.append("        ").append(f.name()).append(" = ")
                    .append(f.verdict() ? "0" : "o." + f.name()).append(";\n");
            }
        }
        b.append("    }\n}\n");
        return b.toString();
    }

    // ---- InputRecords ----------------------------------------------------------------------------------------

    private String codecClass()
    {
        final StringBuilder b = new StringBuilder();
        b.append("""
            package io.tickwire.model.journal;

            import io.tickwire.codecs.sbe.*;
            import io.tickwire.model.event.EventType;
            import io.tickwire.model.event.MarketEvent;
            import org.agrona.DirectBuffer;
            import org.agrona.MutableDirectBuffer;

            /**
             * Every input message encoded from and decoded into the ring event's fields. Generated at build time from
             * engine/model/src/main/codegen/market-event.fields and the SBE schema by EventFieldsGenerator: edit those,
             * not this file. Reused flyweights: one instance per thread.
             */
            final class InputRecords
            {
                private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
                private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
            """);
        for (final Message m : messages)
        {
            b.append("    private final ").append(m.name()).append("Encoder ").append(var(m)).append("Encoder = new ")
                .append(m.name()).append("Encoder();\n");
            b.append("    private final ").append(m.name()).append("Decoder ").append(var(m)).append("Decoder = new ")
                .append(m.name()).append("Decoder();\n");
        }
        b.append("""

                /**
                 * @param output the output form (sequencer verdicts kept) rather than the input form
                 * @return bytes written (header included), or 0 for a type that has no record
                 */
                int encode(final MarketEvent e, final MutableDirectBuffer buffer, final int offset, final boolean output)
                {
                    switch (e.type)
                    {
            """);
        for (final Message m : messages)
        {
            encodeCase(b, m);
        }
        b.append("""
                        default:
                            return 0;
                    }
                }

                /** Fills {@code e} from a record. @return false for a template that is not an input message. */
                boolean decode(final DirectBuffer buffer, final int offset, final MarketEvent e)
                {
                    headerDecoder.wrap(buffer, offset);
                    final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
                    final int blockLength = headerDecoder.blockLength();
                    final int version = headerDecoder.version();
                    switch (headerDecoder.templateId())
                    {
            """);
        for (final Message m : messages)
        {
            decodeCase(b, m);
        }
        b.append("""
                        default:
                            return false;
                    }
                }
            }
            """);
        return b.toString();
    }

    private void encodeCase(final StringBuilder b, final Message m)
    {
        final String enc = var(m) + "Encoder";
        b.append("            case EventType.").append(m.eventType()).append(":\n");
        b.append("                ").append(enc).append(".wrapAndApplyHeader(buffer, offset, headerEncoder);\n");
        for (final SchemaField sf : schemaFields(m))
        {
            final Field f = eventField(m, sf);
            final String v = "e." + f.name();
            final Element type = types.get(sf.type());
            if (sf.data())
            {
                b.append("                ").append(enc).append(".put").append(capitalize(sf.name())).append("(")
                    .append(v).append(", 0, ").append(v).append("Length);\n");
            }
            else if (type != null && type.getTagName().equals("set"))
            {
                b.append("                buffer.putByte(offset + MessageHeaderEncoder.ENCODED_LENGTH + ")
                    .append(m.name()).append("Encoder.").append(sf.name()).append("EncodingOffset(), (byte)(output ? ")
                    .append(v).append(" : ").append(v).append(" & MarketEvent.INPUT_FLAGS));\n");
            }
            else if (type != null && type.getTagName().equals("enum"))
            {
                b.append("                ").append(enc).append('.').append(sf.name()).append('(').append(sf.type())
                    .append(".get((").append(javaType(type.getAttribute("encodingType"))).append(")").append(v)
                    .append("));\n");
            }
            else if (isArray(type))
            {
                final String element = javaType(type.getAttribute("primitiveType"));
                final String read = f.kind().equals("bytes") ? v + "[i] & 0xFF" : v + "[i] & 0xFFFF";
                b.append("                for (int i = 0; i < MarketEvent.").append(f.size()).append("; i++)\n")
                    .append("                {\n                    ").append(enc).append('.').append(sf.name())
                    .append("(i, i < e.").append(f.count()).append(" ? ").append(cast(element, "int"))
                    .append("(").append(read).append(") : 0);\n                }\n");
            }
            else
            {
                final String param = javaType(primitive(sf.type()));
                final String value = sf.name().equals(m.outputOnly()) ? "output ? " + v + " : 0" : v;
                b.append("                ").append(enc).append('.').append(sf.name()).append('(')
                    .append(cast(param, f.kind())).append(cast(param, f.kind()).isEmpty() ? value : "(" + value + ")")
                    .append(");\n");
            }
        }
        b.append("                return MessageHeaderEncoder.ENCODED_LENGTH + ").append(enc).append(".encodedLength();\n");
    }

    private void decodeCase(final StringBuilder b, final Message m)
    {
        final String dec = var(m) + "Decoder";
        b.append("            case ").append(m.name()).append("Decoder.TEMPLATE_ID:\n");
        b.append("                ").append(dec).append(".wrap(buffer, body, blockLength, version);\n");
        b.append("                e.reset(EventType.").append(m.eventType()).append(");\n");
        for (final SchemaField sf : schemaFields(m))
        {
            final Field f = eventField(m, sf);
            final String v = "e." + f.name();
            final Element type = types.get(sf.type());
            if (sf.data())
            {
                b.append("                ").append(v).append("Length = ").append(dec).append(".get")
                    .append(capitalize(sf.name())).append('(').append(v).append(", 0, MarketEvent.").append(f.size())
                    .append(");\n");
            }
            else if (type != null && type.getTagName().equals("set"))
            {
                b.append("                ").append(v).append(" = buffer.getByte(body + ").append(m.name())
                    .append("Decoder.").append(sf.name()).append("EncodingOffset()) & 0xFF;\n");
            }
            else if (type != null && type.getTagName().equals("enum"))
            {
                b.append("                ").append(v).append(" = ").append(dec).append('.').append(sf.name())
                    .append("Raw();\n");
            }
            else if (isArray(type))
            {
                final String element = f.kind().equals("bytes") ? "byte" : "short";
                b.append("                for (int i = 0; i < e.").append(f.count()).append("; i++)\n")
                    .append("                {\n                    ").append(v).append("[i] = (").append(element)
                    .append(')').append(dec).append('.').append(sf.name()).append("(i);\n                }\n");
            }
            else
            {
                final String getter = dec + "." + sf.name() + "()";
                final String castTo = narrower(f.kind(), javaType(primitive(sf.type()))) ? "(" + f.kind() + ")" : "";
                if (sf.sinceVersion() > 0)
                {
                    b.append("                ").append(v).append(" = ").append(getter).append(" == ").append(m.name())
                        .append("Decoder.").append(sf.name()).append("NullValue() ? 0 : ").append(castTo).append(getter)
                        .append(";\n");
                }
                else
                {
                    b.append("                ").append(v).append(" = ").append(castTo).append(getter).append(";\n");
                }
            }
        }
        b.append("                return true;\n");
    }

    private List<SchemaField> schemaFields(final Message m)
    {
        final List<SchemaField> list = schemaMessages.get(m.name());
        if (list == null)
        {
            throw new IllegalArgumentException("the schema has no message " + m.name());
        }
        return list;
    }

    private Field eventField(final Message m, final SchemaField sf)
    {
        final String name = m.renames().getOrDefault(sf.name(), sf.name());
        final Field f = fields.get(name);
        if (f == null)
        {
            throw new IllegalArgumentException(m.name() + "." + sf.name() + " has no event field " + name +
                ": add it to the table or rename it in the message line");
        }
        return f;
    }

    private boolean isArray(final Element type)
    {
        return type != null && type.getTagName().equals("type") && !type.getAttribute("length").isEmpty() &&
            Integer.parseInt(type.getAttribute("length")) > 1;
    }

    /** The primitive type of a schema type name (itself when primitive). */
    private String primitive(final String type)
    {
        final Element t = types.get(type);
        return t == null ? type : t.getAttribute("primitiveType");
    }

    /** The Java type SBE's Java codecs use for a primitive. */
    private static String javaType(final String primitive)
    {
        return switch (primitive)
        {
            case "int8", "char" -> "byte";
            case "int16", "uint8" -> "short";
            case "int32", "uint16" -> "int";
            case "int64", "uint32", "uint64" -> "long";
            case "float" -> "float";
            case "double" -> "double";
            default -> throw new IllegalArgumentException("no Java type for " + primitive);
        };
    }

    /** A cast to {@code to} when a value of {@code from} does not fit it implicitly; else nothing. */
    private static String cast(final String to, final String from)
    {
        return narrower(to, from) ? "(" + to + ")" : "";
    }

    private static boolean narrower(final String to, final String from)
    {
        final List<String> order = List.of("byte", "short", "int", "long", "float", "double");
        return order.indexOf(to) < order.indexOf(from);
    }

    private static String var(final Message m)
    {
        return Character.toLowerCase(m.name().charAt(0)) + m.name().substring(1);
    }

    private static String capitalize(final String s)
    {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
