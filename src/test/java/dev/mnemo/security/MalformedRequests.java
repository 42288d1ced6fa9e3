package dev.mnemo.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates requests to every {@code /api} endpoint that each carry at least one defect a server must refuse — a path or query
 * that is not well-formed, a JSON body of the wrong shape or type, a body of the wrong media type, a bad credential,
 * a method or an {@code Accept} that the endpoint does not serve — and nothing else wrong, so that the answer must
 * be a 4xx and nothing may change. Seeded: the same seed gives the same requests.
 */
final class MalformedRequests {
    /** One request: what is wrong with it, and its exact bytes. */
    record Request(String description, String method, String target, Map<String, String> headers, byte[] body) {
    }

    private enum Endpoint {
        LIST("GET", "/api/v1/memories", false),
        ADD("POST", "/api/v1/memories", true),
        EDIT("PATCH", "/api/v1/memories/{id}", true),
        DELETE("DELETE", "/api/v1/memories/{id}", false),
        HISTORY("GET", "/api/v1/memories/{id}/history", false),
        RESTORE("POST", "/api/v1/memories/{id}/restore", false),
        MESSAGE("POST", "/api/v1/messages", true),
        COSTS("GET", "/api/v1/costs", false),
        INBOX("GET", "/api/v1/inbox", false),
        PENDING("GET", "/api/v1/inbox/pending", false),
        ACK("POST", "/api/v1/inbox/ack", true),
        ME("GET", "/api/v1/me", false);

        /** Takes {@code userId} in its query string. */
        boolean queried() {
            return this == LIST || this == COSTS || this == INBOX || this == PENDING || this == ME;
        }

        final String method;
        final String path;
        final boolean json;

        Endpoint(String method, String path, boolean json) {
            this.method = method;
            this.path = path;
            this.json = json;
        }
    }

    private static final List<String> BAD_PATH_PIECES = List.of("%ZZ", "%", "%G1", "%C3%28", "%ED%A0%80", "%FF", "%00",
            "%2F", "%5C", ";", ";jsessionid=x", "%3B", "%25", "%0A", "%7F", "%2e%2e", "\\", "/../x", "/./", "//", "%2e",
            "\u00e9", "\u0001", " x");
    private static final List<String> BAD_ENCODINGS = List.of("%ZZ", "%C3%28", "%ED%A0%80", "%00", "%01x", "%", "%FF",
            "a%0Ab", "%E2%82", "%C0%AF");
    private static final List<String> BAD_CREDENTIALS = List.of("Bearer", "Basic YWxpY2U6cHc=", "Bearer " + "x".repeat(2000),
            "Bearer mnemo_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Token abc", "Bearer a\u0001b", "Bearer ",
            "Bearer mnemo_", "Digest username=alice");

    private final Random random;
    private final String user;
    private final String personToken;
    private final String memoryId;
    private final String adminToken;

    MalformedRequests(long seed, String user, String personToken, String memoryId, String adminToken) {
        this.random = new Random(seed);
        this.user = user;
        this.personToken = personToken;
        this.memoryId = memoryId;
        this.adminToken = adminToken;
    }

    List<Request> generate(int count) {
        List<Request> requests = new ArrayList<>(count);
        Endpoint[] endpoints = Endpoint.values();
        while (requests.size() < count) {
            Endpoint endpoint = endpoints[requests.size() % endpoints.length];
            boolean admin = random.nextInt(5) == 0;
            List<Function<Endpoint, Request>> kinds = new ArrayList<>(List.of(
                    e -> badPath(e, admin), e -> badQueryEncoding(e, admin), e -> badCredential(e), e -> badMethod(e, admin)));
            if (endpoint.queried()) {
                kinds.add(e -> badParameter(e, admin));
                kinds.add(e -> notAcceptable(e, admin));
            }
            if (endpoint.json) {
                kinds.add(e -> badBody(e, admin));
                kinds.add(e -> badBody(e, admin));
                kinds.add(e -> wrongMediaType(e, admin));
                kinds.add(e -> tooLarge(e, admin));
            }
            // a body on GET or DELETE carries no meaning and is ignored: not a defect to refuse
            if (endpoint.method.equals("POST") || endpoint.method.equals("PATCH")) {
                kinds.add(e -> formBody(e, admin));
            }
            requests.add(kinds.get(random.nextInt(kinds.size())).apply(endpoint));
        }
        return requests;
    }

    private Request badPath(Endpoint e, boolean admin) {
        String piece = pick(BAD_PATH_PIECES);
        String path = path(e);
        int cut = switch (random.nextInt(3)) {
            case 0 -> path.length();
            case 1 -> path.indexOf('/', 1);
            default -> path.lastIndexOf('/');
        };
        String target = path.substring(0, cut) + piece + path.substring(cut) + query(e, admin);
        return request("path with " + piece.replace("\u0001", "\\u0001"), e, target, admin, validBody(e, admin));
    }

    private Request badQueryEncoding(Endpoint e, boolean admin) {
        String name = pick(List.of("userId", "q", "limit", "month", "x"));
        String encoding = pick(BAD_ENCODINGS);
        String target = path(e) + "?" + (admin ? "userId=" + user + "&" : "") + name + "=" + encoding;
        return request("query " + name + "=" + encoding, e, target, admin, validBody(e, admin));
    }

    private Request badParameter(Endpoint e, boolean admin) {
        List<String> defects = new ArrayList<>(List.of("userId=" + "x".repeat(129), "userId=someone-else-entirely"));
        if (e == Endpoint.LIST) {
            defects.addAll(List.of("limit=abc", "limit=0", "limit=201", "limit=-5", "limit=1.5", "limit=99999999999999999999",
                    "limit=1e2", "q=" + "w".repeat(2001)));
        }
        if (e == Endpoint.COSTS) {
            defects.addAll(List.of("month=2026-13", "month=12-2026", "month=2026-1", "month=last", "month=2026-00",
                    "month=2026-02-01", "month=%2B2026-01", "month=%2B300000000-01", "month=%2B999999999-12"));
        }
        String defect = pick(defects);
        boolean namesUser = defect.startsWith("userId=");
        String target = path(e) + "?" + (admin && !namesUser ? "userId=" + user + "&" : "") + defect;
        if (namesUser && defect.contains("someone-else") && admin) {
            target = path(e) + "?userId=" + "y".repeat(200); // the admin may name anyone: make the id itself bad
        }
        return request("parameter " + abbreviate(defect), e, target, admin, null);
    }

    private Request badCredential(Endpoint e) {
        String credential = pick(BAD_CREDENTIALS);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", credential);
        byte[] body = validBody(e, false);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Request("credential " + abbreviate(credential), e.method, path(e) + query(e, false), headers,
                body);
    }

    private Request badMethod(Endpoint e, boolean admin) {
        String method = pick(List.of("PUT", "TRACE", "FOO", "PROPFIND", e == Endpoint.LIST ? "DELETE" : "PUT",
                e.method.equals("GET") ? "POST" : "PUT"));
        Map<String, String> headers = authorization(admin);
        byte[] body = null;
        if (!method.equals("TRACE")) {
            headers.put("Content-Type", "application/json");
            body = "{}".getBytes(StandardCharsets.UTF_8);
        }
        return new Request("method " + method, method, path(e) + query(e, admin), headers, body);
    }

    private Request notAcceptable(Endpoint e, boolean admin) {
        Map<String, String> headers = authorization(admin);
        headers.put("Accept", pick(List.of("application/xml", "text/html", "image/png", "text/csv")));
        return new Request("accept " + headers.get("Accept"), e.method, path(e) + query(e, admin), headers, null);
    }

    private Request wrongMediaType(Endpoint e, boolean admin) {
        Map<String, String> headers = authorization(admin);
        String type = pick(List.of("text/plain", "multipart/form-data", "application/x-www-form-urlencoded",
                "application/xml", "application/json-patch+json", ""));
        if (!type.isEmpty()) {
            headers.put("Content-Type", type);
        }
        return new Request("content type " + type, e.method, path(e) + query(e, admin), headers, validBody(e, admin));
    }

    private Request badBody(Endpoint e, boolean admin) {
        String owner = admin ? "\"userId\": \"" + user + "\", " : "";
        List<String> bodies = new ArrayList<>(List.of("{", "{\"text\": }", "[1,2]", "\"just a string\"", "null", "",
                "{\"text\": \"hi\"} trailing", "{\"text\": \"hi\",}", "{'text': 'hi'}", "{\"text\": \"hi\"",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"text\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}"));
        if (e == Endpoint.ACK) {
            bodies.addAll(List.of("{" + owner + "\"ids\": [\"a\\u0000b\"]}", "{" + owner + "\"ids\": []}",
                    "{" + owner + "\"ids\": [1]}", "{" + owner + "\"ids\": \"x\"}", "{" + owner + "\"ids\": [null]}",
                    "{" + owner + "\"ids\": [\"" + "0".repeat(65) + "\"]}", "{" + owner + "\"ids\": " + tags(101) + "}"));
        } else if (e == Endpoint.EDIT) {
            bodies.addAll(List.of("{\"importance\": 2.9}", "{\"importance\": \"3\"}", "{\"importance\": true}",
                    "{\"importance\": 0}", "{\"importance\": 11}", "{\"importance\": null}", "{\"importance\": 1e400}",
                    "{\"importance\": 99999999999999999999}", "{\"kind\": \"banana\"}", "{\"kind\": 3}",
                    "{\"tags\": [null]}", "{\"tags\": \"music\"}", "{\"tags\": [1]}", "{\"tags\": [[\"a\"]]}",
                    "{\"tags\": [\"" + "t".repeat(61) + "\"]}", "{\"tags\": " + tags(21) + "}", "{\"text\": \"\"}",
                    "{\"text\": \"   \"}", "{\"colour\": \"blue\"}", "{}", "{\"text\": 42}",
                    "{\"text\": \"" + "m".repeat(2_001) + "\"}"));
        } else {
            bodies.addAll(List.of("{" + owner + "\"text\": 42}", "{" + owner + "\"text\": true}",
                    "{" + owner + "\"text\": [\"a\"]}", "{" + owner + "\"text\": {\"a\": 1}}", "{" + owner + "\"text\": null}",
                    "{" + owner + "\"text\": \"   \"}", "{" + owner.replace(", ", "") + "}", "{\"userId\": 5, \"text\": \"x\"}",
                    "{\"userId\": [\"" + user + "\"], \"text\": \"x\"}", "{\"userId\": \"a\\u0001b\", \"text\": \"x\"}",
                    "{\"userId\": \"" + "u".repeat(129) + "\", \"text\": \"x\"}",
                    "{" + owner + "\"text\": \"" + "m".repeat(e == Endpoint.ADD ? 2_001 : 16_001) + "\"}"));
        }
        String body = pick(bodies);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String description = "body " + abbreviate(body);
        if (random.nextInt(12) == 0) { // invalid UTF-8 inside an otherwise fine body
            bytes = concat(("{" + owner + "\"text\": \"caf").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
                    "\"}".getBytes(StandardCharsets.UTF_8));
            description = "body with invalid UTF-8";
        }
        Map<String, String> headers = authorization(admin);
        headers.put("Content-Type", "application/json");
        return new Request(description, e.method, path(e) + (e == Endpoint.EDIT ? query(e, admin) : ""), headers, bytes);
    }

    /** A form body where JSON (or nothing) is expected, malformed or not: the container must not decode it. */
    private Request formBody(Endpoint e, boolean admin) {
        Map<String, String> headers = authorization(admin);
        headers.put("Content-Type", pick(List.of("application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=bogus")));
        String body = pick(List.of("a=%ZZ", "userId=%ZZ", "text=%C3%28", "x=" + "y".repeat(70_000), "userId=someone"));
        return new Request("form body " + abbreviate(body), e.method, path(e) + query(e, admin), headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A body past the API's 256 KiB, sent whole with its length. */
    private Request tooLarge(Endpoint e, boolean admin) {
        String owner = admin ? "\"userId\": \"" + user + "\", " : "";
        int size = 256 * 1024 + 1 + random.nextInt(64 * 1024);
        String body = "{" + owner + "\"text\": \"" + "z".repeat(size) + "\"}";
        return request("body of " + size + " characters", e, path(e), admin, body.getBytes(StandardCharsets.UTF_8));
    }

    private Request request(String description, Endpoint e, String target, boolean admin, byte[] body) {
        Map<String, String> headers = authorization(admin);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Request(description, e.method, target, headers, body);
    }

    /** A body that would be accepted on its own, so that the request's only defect is the one being tested. */
    private byte[] validBody(Endpoint e, boolean admin) {
        String owner = admin ? "\"userId\": \"" + user + "\", " : "";
        String body = switch (e) {
            case ADD -> "{" + owner + "\"text\": \"I like green tea\"}";
            case EDIT -> "{\"importance\": 6}";
            case MESSAGE -> "{" + owner + "\"text\": \"/help\"}";
            case ACK -> "{" + owner + "\"ids\": [\"01890a5d-ac96-774b-bcce-b302099a8057\"]}";
            case RESTORE -> "";
            default -> null;
        };
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    private String path(Endpoint e) {
        return e.path.replace("{id}", memoryId);
    }

    private String query(Endpoint e, boolean admin) {
        return admin && e.queried() ? "?userId=" + user : "";
    }

    private Map<String, String> authorization(boolean admin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + (admin ? adminToken : personToken));
        return headers;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String tags(int n) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add("\"t" + i + "\"");
        }
        return "[" + String.join(",", tags) + "]";
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\u0001", "\\u0001");
        return flat.length() > 50 ? flat.substring(0, 50) + "…(" + flat.length() + ")" : flat;
    }
}
