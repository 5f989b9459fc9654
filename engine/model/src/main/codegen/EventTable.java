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
 * The ring event's field table (market-event.fields) and the SBE schema, read: the fields in their groups, the
 * input messages, and for each message the schema's fields and types. What the writers generate from.
 */
final class EventTable
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

    final List<Group> groups = new ArrayList<>();
    final Map<String, Field> fields = new LinkedHashMap<>();
    final List<Message> messages = new ArrayList<>();
    final Map<String, Element> types = new HashMap<>();
    final Map<String, List<SchemaField>> schemaMessages = new HashMap<>();

    static EventTable read(final Path table, final Path schema) throws Exception
    {
        final EventTable t = new EventTable();
        t.readTable(table);
        t.readSchema(schema);
        return t;
    }

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

    List<SchemaField> schemaFields(final Message m)
    {
        final List<SchemaField> list = schemaMessages.get(m.name());
        if (list == null)
        {
            throw new IllegalArgumentException("the schema has no message " + m.name());
        }
        return list;
    }

    Field eventField(final Message m, final SchemaField sf)
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

    boolean isArray(final Element type)
    {
        return type != null && type.getTagName().equals("type") && !type.getAttribute("length").isEmpty() &&
            Integer.parseInt(type.getAttribute("length")) > 1;
    }

    /** The primitive type of a schema type name (itself when primitive). */
    String primitive(final String type)
    {
        final Element t = types.get(type);
        return t == null ? type : t.getAttribute("primitiveType");
    }

    /** The Java type SBE's Java codecs use for a primitive. */
    static String javaType(final String primitive)
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

    /** The name of a message's flyweight fields: the message name, lower camel case. */
    static String var(final Message m)
    {
        return Character.toLowerCase(m.name().charAt(0)) + m.name().substring(1);
    }

    static String capitalize(final String s)
    {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
