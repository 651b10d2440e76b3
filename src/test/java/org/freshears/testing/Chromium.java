package org.freshears.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the tests: Debian's headless Chromium driven through chromedriver's W3C WebDriver HTTP
 * API (java.net.http and Jackson; no Selenium). The page gets an error collector before any of its
 * scripts run (DevTools' addScriptToEvaluateOnNewDocument), so errors during loading are caught too.
 * Chromium runs as a user's does, without --allow-file-access-from-files: what works here works when the
 * report is opened by a double click.
 */
public final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    /** Script and resource errors, and unhandled promise rejections, from the first script on. */
    private static final String ERROR_COLLECTOR = "window.__errors = [];"
            + "addEventListener('error', e => __errors.push((e.message || 'failed to load ' + (e.target && e.target.src))"
            + " + ' ' + (e.filename || '') + ':' + (e.lineno || '')), true);"
            + "addEventListener('unhandledrejection', e => __errors.push('unhandled rejection: ' + e.reason));";

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;

    private Chromium(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    /** Starts chromedriver and a headless Chromium that saves downloads into {@code downloads}. */
    public static Chromium start(Path downloads) throws IOException, InterruptedException {
        for (String program : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IllegalStateException(program + " is missing: apt-get install -y chromium chromium-driver"
                        + " (.ci/run installs them)");
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process driver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; ; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (JSON.readTree(r.body()).path("value").path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (i > 100) {
                driver.destroy();
                throw new IllegalStateException("chromedriver did not start on port " + port);
            }
            Thread.sleep(100);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("binary", "/usr/bin/chromium");
        options.put("args", List.of("--headless=new", "--no-sandbox", "--autoplay-policy=no-user-gesture-required",
                "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"));
        options.put("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName",
                "chrome", "goog:chromeOptions", options, "goog:loggingPrefs", Map.of("browser", "ALL"))));
        JsonNode created = call(http, "POST", base + "/session", capabilities);
        Chromium chromium = new Chromium(driver, base, created.path("value").path("sessionId").asText());
        chromium.post("/timeouts", Map.of("script", 60_000, "pageLoad", 120_000));
        chromium.post("/goog/cdp/execute", Map.of("cmd", "Page.addScriptToEvaluateOnNewDocument",
                "params", Map.of("source", ERROR_COLLECTOR)));
        return chromium;
    }

    public void open(Path file) throws IOException, InterruptedException {
        post("/url", Map.of("url", file.toAbsolutePath().toUri().toString()));
    }

    /** Runs a script (its body: {@code return ...}) in the page; arguments as {@code arguments[i]}. */
    public JsonNode script(String body, Object... args) throws IOException, InterruptedException {
        return post("/execute/sync", Map.of("script", body, "args", List.of(args))).path("value");
    }

    /** Runs a script that ends by calling {@code arguments[arguments.length - 1](result)}. */
    public JsonNode asyncScript(String body, Object... args) throws IOException, InterruptedException {
        return post("/execute/async", Map.of("script", body, "args", List.of(args))).path("value");
    }

    /** Clicks the first element matching a CSS selector, as a user would (it must be visible). */
    public void click(String css) throws IOException, InterruptedException {
        JsonNode found = post("/element", Map.of("using", "css selector", "value", css)).path("value");
        post("/element/" + found.path(ELEMENT).asText() + "/click", Map.of());
    }

    /** What the page reported as errors: the collector's, and the console's SEVERE lines. */
    public List<String> errors() throws IOException, InterruptedException {
        List<String> errors = new ArrayList<>();
        script("return window.__errors || ['no error collector: the page did not load']").forEach(e -> errors.add(e.asText()));
        for (JsonNode entry : post("/se/log", Map.of("type", "browser")).path("value")) {
            if (entry.path("level").asText().equals("SEVERE")) {
                errors.add(entry.path("message").asText());
            }
        }
        return errors;
    }

    public byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(get("/screenshot").path("value").asText());
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return call(http, "POST", base + "/session/" + session + path, body);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return call(http, "GET", base + "/session/" + session + path, null);
    }

    private static JsonNode call(HttpClient http, String method, String url, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json");
        request = body == null ? request.GET()
                : request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " "
                    + json.path("value").path("message").asText(r.body()));
        }
        return json;
    }

    @Override
    public void close() {
        try {
            call(http, "DELETE", base + "/session/" + session, Map.of());
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the driver goes anyway
        } finally {
            driver.destroy();
        }
    }
}
