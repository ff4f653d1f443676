package org.campuslake.oozie.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A real Oozie server, through the REST API its own command line uses (v1 submit and list, v2 job info and kill).
 * Simple authentication, as on the classroom cluster: the submitting user is the {@code user.name} property.
 */
public final class OozieServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param url the server's base URL, as OOZIE_URL ({@code http://master:11000/oozie}) */
    public OozieServer(String url, String user) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.user = user;
    }

    public String url() {
        return base;
    }

    /** Submits and starts a job (workflow, coordinator or bundle: the application path property says which). */
    public String submit(Map<String, String> properties) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n");
        properties.forEach((k, v) -> xml.append("  <property><name>").append(escape(k)).append("</name><value>")
                .append(escape(v)).append("</value></property>\n"));
        xml.append("  <property><name>user.name</name><value>").append(escape(user)).append("</value></property>\n");
        xml.append("</configuration>\n");
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/v1/jobs?action=start"))
                .header("Content-Type", "application/xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml.toString(), StandardCharsets.UTF_8)).build();
        return send(req, "submitting the job").path("id").asText();
    }

    /** A job's status, actions (workflow), coordinator actions (coordinator) or coordinators (bundle). */
    public JsonNode info(String id) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + "/v2/job/" + id + "?show=info&len=1000")).GET().build(),
                "reading job " + id);
    }

    public void kill(String id) throws IOException {
        send(HttpRequest.newBuilder(URI.create(base + "/v2/job/" + id + "?action=kill"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), "killing job " + id);
    }

    /** Jobs of one type ({@code wf}, {@code coordinator}, {@code bundle}), newest first, with an Oozie filter. */
    public JsonNode jobs(String jobType, String filter, int len) throws IOException {
        String q = "jobtype=" + jobType + "&len=" + len
                + (filter == null ? "" : "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs?" + q)).GET().build(), "listing " + jobType + " jobs");
    }

    /** NORMAL, NOWEBSERVICE or SAFEMODE. */
    public String systemMode() throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + "/v2/admin/status")).GET().build(), "asking the status")
                .path("systemMode").asText();
    }

    private JsonNode send(HttpRequest req, String what) throws IOException {
        HttpResponse<String> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " on " + base + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException(what + ": the Oozie server at " + base + " does not answer (" + e + ")", e);
        }
        if (r.statusCode() / 100 != 2) {
            // Oozie puts its error code and message in response headers.
            String code = r.headers().firstValue("oozie-error-code").orElse("HTTP " + r.statusCode());
            String msg = r.headers().firstValue("oozie-error-message").orElse(r.body());
            throw new IOException(what + " on " + base + ": " + code + " " + msg);
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
