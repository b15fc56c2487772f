package io.mall.review;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a person reads in a raw mail: the body after the headers, each text part decoded from
 * quoted-printable or base64 in its charset, HTML reduced to its words; attachments left out. Good
 * enough for counting n-grams, not a MIME library.
 */
final class MailText {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\r\\n]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)\"?", Pattern.CASE_INSENSITIVE);

    private MailText() {
    }

    static String of(byte[] raw) {
        String message = new String(raw, StandardCharsets.ISO_8859_1);
        String text = part(message, 0);
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n").strip();
    }

    /** A part's readable text: headers, then a body that may hold parts of its own. */
    private static String part(String part, int depth) {
        int split = headerEnd(part);
        String headers = split < 0 ? "" : part.substring(0, split);
        String body = split < 0 ? part : part.substring(split).replaceFirst("^\\r?\\n\\r?\\n", "");
        String lower = unfold(headers).toLowerCase(Locale.ROOT);
        Matcher boundary = BOUNDARY.matcher(unfold(headers));
        if (lower.contains("content-type: multipart") && boundary.find() && depth < 5) {
            StringBuilder text = new StringBuilder();
            for (String child : body.split(Pattern.quote("--" + boundary.group(1)))) {
                if (child.startsWith("--") || child.isBlank()) {
                    continue;
                }
                String read = part(child.replaceFirst("^\\r?\\n", ""), depth + 1);
                if (!read.isBlank()) {
                    text.append(read).append('\n');
                }
            }
            return text.toString();
        }
        if (lower.contains("content-disposition: attachment") || (lower.contains("content-type:") && !lower.contains("content-type: text"))) {
            return "";
        }
        Matcher charset = CHARSET.matcher(lower);
        Charset encoding = StandardCharsets.ISO_8859_1;
        if (charset.find()) {
            try {
                encoding = Charset.forName(charset.group(1));
            } catch (RuntimeException unknown) {
                encoding = StandardCharsets.ISO_8859_1;
            }
        }
        byte[] bytes;
        if (lower.contains("content-transfer-encoding: base64")) {
            try {
                bytes = Base64.getMimeDecoder().decode(body.strip());
            } catch (IllegalArgumentException broken) {
                return "";
            }
        } else if (lower.contains("content-transfer-encoding: quoted-printable")) {
            bytes = quotedPrintable(body);
        } else {
            bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        }
        String text = new String(bytes, encoding);
        return lower.contains("content-type: text/html") || text.toLowerCase(Locale.ROOT).contains("<html") ? html(text) : text;
    }

    private static int headerEnd(String part) {
        int crlf = part.indexOf("\r\n\r\n");
        int lf = part.indexOf("\n\n");
        if (crlf < 0) {
            return lf;
        }
        return lf < 0 ? crlf : Math.min(crlf, lf);
    }

    private static String unfold(String headers) {
        return headers.replaceAll("\\r?\\n[ \\t]+", " ");
    }

    private static byte[] quotedPrintable(String body) {
        String joined = body.replaceAll("=\\r?\\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write((byte) c);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String html(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>", "\n").replaceAll("(?s)<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replaceAll("&#(\\d+);", " ");
    }
}
