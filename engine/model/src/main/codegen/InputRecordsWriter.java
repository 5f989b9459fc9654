import org.w3c.dom.Element;

import java.util.List;

/** Writes {@code InputRecords}: each input message encoded from and decoded into the ring event's fields. */
final class InputRecordsWriter
{
    private final EventTable t;

    private InputRecordsWriter(final EventTable t)
    {
        this.t = t;
    }

    static String write(final EventTable t)
    {
        return new InputRecordsWriter(t).codecClass();
    }

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
        for (final EventTable.Message m : t.messages)
        {
            b.append("    private final ").append(m.name()).append("Encoder ").append(EventTable.var(m)).append("Encoder = new ")
                .append(m.name()).append("Encoder();\n");
            b.append("    private final ").append(m.name()).append("Decoder ").append(EventTable.var(m)).append("Decoder = new ")
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
        for (final EventTable.Message m : t.messages)
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
        for (final EventTable.Message m : t.messages)
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

    private void encodeCase(final StringBuilder b, final EventTable.Message m)
    {
        final String enc = EventTable.var(m) + "Encoder";
        b.append("            case EventType.").append(m.eventType()).append(":\n");
        b.append("                ").append(enc).append(".wrapAndApplyHeader(buffer, offset, headerEncoder);\n");
        for (final EventTable.SchemaField sf : t.schemaFields(m))
        {
            final EventTable.Field f = t.eventField(m, sf);
            final String v = "e." + f.name();
            final Element type = t.types.get(sf.type());
            if (sf.data())
            {
                b.append("                ").append(enc).append(".put").append(EventTable.capitalize(sf.name())).append("(")
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
                    .append(".get((").append(EventTable.javaType(type.getAttribute("encodingType"))).append(")").append(v)
                    .append("));\n");
            }
            else if (t.isArray(type))
            {
                final String element = EventTable.javaType(type.getAttribute("primitiveType"));
                final String read = switch (f.kind())
                {
                    case "bytes" -> v + "[i] & 0xFF";
                    case "shorts" -> v + "[i] & 0xFFFF";
                    default -> v + "[i]";
                };
                b.append("                for (int i = 0; i < MarketEvent.").append(f.size()).append("; i++)\n")
                    .append("                {\n                    ").append(enc).append('.').append(sf.name())
                    .append("(i, i < e.").append(f.count()).append(" ? ").append(cast(element, "int"))
                    .append("(").append(read).append(") : 0);\n                }\n");
            }
            else
            {
                final String param = EventTable.javaType(t.primitive(sf.type()));
                final String value = sf.name().equals(m.outputOnly()) ? "output ? " + v + " : 0" : v;
                b.append("                ").append(enc).append('.').append(sf.name()).append('(')
                    .append(cast(param, f.kind())).append(cast(param, f.kind()).isEmpty() ? value : "(" + value + ")")
                    .append(");\n");
            }
        }
        b.append("                return MessageHeaderEncoder.ENCODED_LENGTH + ").append(enc).append(".encodedLength();\n");
    }

    private void decodeCase(final StringBuilder b, final EventTable.Message m)
    {
        final String dec = EventTable.var(m) + "Decoder";
        b.append("            case ").append(m.name()).append("Decoder.TEMPLATE_ID:\n");
        b.append("                ").append(dec).append(".wrap(buffer, body, blockLength, version);\n");
        b.append("                e.reset(EventType.").append(m.eventType()).append(");\n");
        for (final EventTable.SchemaField sf : t.schemaFields(m))
        {
            final EventTable.Field f = t.eventField(m, sf);
            final String v = "e." + f.name();
            final Element type = t.types.get(sf.type());
            if (sf.data())
            {
                b.append("                ").append(v).append("Length = ").append(dec).append(".get")
                    .append(EventTable.capitalize(sf.name())).append('(').append(v).append(", 0, MarketEvent.").append(f.size())
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
            else if (t.isArray(type))
            {
                final String element = switch (f.kind())
                {
                    case "bytes" -> "byte";
                    case "shorts" -> "short";
                    default -> "double";
                };
                b.append("                for (int i = 0; i < e.").append(f.count()).append("; i++)\n")
                    .append("                {\n                    ").append(v).append("[i] = (").append(element)
                    .append(')').append(dec).append('.').append(sf.name()).append("(i);\n                }\n");
            }
            else
            {
                final String getter = dec + "." + sf.name() + "()";
                final String castTo = narrower(f.kind(), EventTable.javaType(t.primitive(sf.type()))) ? "(" + f.kind() + ")" : "";
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

}
