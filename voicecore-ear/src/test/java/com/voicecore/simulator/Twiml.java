package com.voicecore.simulator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading TwiML with the JDK parser, hardened: a server's answer is untrusted input, so no DTD, no external
 * entities, no XInclude (a DOCTYPE is refused outright; TwiML never needs one).
 */
final class Twiml {

    /** Thrown for an answer Twilio could not run: not XML, or not a {@code <Response>} document. */
    static final class NotTwiml extends Exception {
        NotTwiml(String message) {
            super(message);
        }
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e; // instead of the default handler's print to stderr
        }
    };

    private Twiml() {
    }

    /** The {@code <Response>} element of the document. */
    static Element parse(String body) throws NotTwiml {
        if (body == null || body.isBlank()) {
            throw new NotTwiml("empty answer, not TwiML");
        }
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            document = builder.parse(new InputSource(new StringReader(body)));
        } catch (SAXException e) {
            throw new NotTwiml("not well-formed XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new NotTwiml("unreadable answer: " + e);
        }
        Element root = document.getDocumentElement();
        if (!"Response".equals(root.getTagName())) {
            throw new NotTwiml("the root element is <" + root.getTagName() + ">, not <Response>");
        }
        return root;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** An attribute's value, or null when absent or empty (Twilio treats {@code action=""} as no action). */
    static String attribute(Element element, String name) {
        String value = element.getAttribute(name).strip();
        return value.isEmpty() ? null : value;
    }

    static int intAttribute(Element element, String name, int defaultValue) {
        String value = attribute(element, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return defaultValue; // Twilio warns and uses the default
        }
    }

    /** The element's text (SSML tags inside a Say included), whitespace collapsed. */
    static String text(Element element) {
        return element.getTextContent().strip().replaceAll("\\s+", " ");
    }

    /** Text directly inside the element, ignoring nested elements (a bare number in {@code <Dial>}). */
    static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString().strip();
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }
}
