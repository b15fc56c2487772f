package io.mall.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import io.restassured.path.json.JsonPath;

/**
 * The local SMTP sink (GreenMail, started by infra/local), read back through its web API on 8025:
 * the mail each address received, its subject and its decoded text and HTML parts.
 */
public final class SmtpSink {

    private static final String API = "http://127.0.0.1:8025/api/user/";

    public record Mail(String messageId, String subject, String text, String html, String raw) {
    }

    private SmtpSink() {
    }

    public static List<Mail> inbox(String address) {
        io.restassured.response.Response response = given().when().get(API + address + "/messages/");
        List<Mail> mails = new ArrayList<>();
        if (response.statusCode() == 400) {
            // the sink knows an address once mail came for it
            return mails;
        }
        String body = response.then().statusCode(200).extract().asString();
        JsonPath json = new JsonPath(body);
        int count = json.getList("$").size();
        for (int i = 0; i < count; i++) {
            String raw = json.getString("[" + i + "].mimeMessage");
            mails.add(new Mail(json.getString("[" + i + "].Message-ID"), json.getString("[" + i + "].subject"), part(raw, "text/plain"),
                    part(raw, "text/html"), raw));
        }
        return mails;
    }

    /** Waits until the address has at least {@code count} mails and answers them all. */
    public static List<Mail> await(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> inbox(address).size() >= count);
        return inbox(address);
    }

    /** Waits for the mail whose subject starts so, and answers it. */
    public static Mail about(String address, String subjectStart) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> inbox(address).stream().anyMatch(mail -> mail.subject().startsWith(subjectStart)));
        return inbox(address).stream().filter(mail -> mail.subject().startsWith(subjectStart)).findFirst().orElseThrow();
    }

    /** The first part of that content type, decoded from its transfer encoding and charset. */
    private static String part(String raw, String contentType) {
        String[] sections = raw.split("\r?\n--");
        for (String section : sections) {
            int split = section.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = section.substring(0, split);
            if (!headers.toLowerCase(Locale.ROOT).contains("content-type: " + contentType)) {
                continue;
            }
            String content = section.substring(split + 4);
            Matcher charset = Pattern.compile("charset=\"?([\\w-]+)", Pattern.CASE_INSENSITIVE).matcher(headers);
            Charset encoding = charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8;
            String transfer = headers.toLowerCase(Locale.ROOT);
            if (transfer.contains("content-transfer-encoding: base64")) {
                return new String(Base64.getMimeDecoder().decode(content.strip()), encoding);
            }
            if (transfer.contains("content-transfer-encoding: quoted-printable")) {
                return quotedPrintable(content, encoding);
            }
            return new String(content.getBytes(StandardCharsets.ISO_8859_1), encoding);
        }
        return null;
    }

    private static String quotedPrintable(String content, Charset charset) {
        String joined = content.replaceAll("=\r?\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write((byte) c);
            }
        }
        return bytes.toString(charset);
    }
}
