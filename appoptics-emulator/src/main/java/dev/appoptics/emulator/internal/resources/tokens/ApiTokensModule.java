package dev.appoptics.emulator.internal.resources.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Paging;
import dev.appoptics.emulator.internal.http.Role;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.http.TokenDirectory;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.Listing;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * API tokens ({@code /v1/api_tokens}): list, create, get by id or by name pattern, update, delete. A token made here
 * authenticates while it is active, with its role ({@link TokenDirectory}, looked up on every request without the
 * lock). Each token is a document of the resource store's {@code api_tokens}. Thread-safe: one lock guards the
 * records; the index by secret is rewritten under it, after the store took the change.
 */
public final class ApiTokensModule implements ApiModule, TokenDirectory {
  private static final Set<String> ROLES = Set.of("admin", "recorder", "viewer");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private static final String TOKENS = "api_tokens";

  private final Object lock = new Object();
  private final ResourceStore resources;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, ObjectNode> tokens = new LinkedHashMap<>();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private long nextId;

  public ApiTokensModule(ResourceStore resources) {
    this.resources = resources;
    resources.load(TOKENS).forEach((id, token) -> tokens.put(Long.parseLong(id), (ObjectNode) token));
    tokens.values().forEach(this::index);
    nextId = resources.highestId(TOKENS) + 1;
  }

  @Override
  public void register(Router router) {
    router
        .add("GET", "/v1/api_tokens", this::list)
        .add("POST", "/v1/api_tokens", this::create)
        .add("GET", "/v1/api_tokens/{id}", this::get)
        .add("PUT", "/v1/api_tokens/{id}", this::update)
        .add("DELETE", "/v1/api_tokens/{id}", this::delete);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      resources.deleteAll(TOKENS);
      tokens.clear();
      grants.clear();
      nextId = 1;
    }
  }

  @Override
  public Optional<Grant> find(String token) {
    return Optional.ofNullable(grants.get(token));
  }

  /** Keeps the index by secret in step with a record just written (under the lock). */
  private void index(ObjectNode token) {
    grants.put(token.get("token").asText(),
        new Grant(token.get("active").booleanValue(), Role.named(token.get("role").asText()).orElseThrow()));
  }

  private ApiResponse list(ApiRequest request) {
    return listMatching(request, request.query("name").orElse("*"));
  }

  /** A pattern without {@code *} gets one on each side, as documented: {@code foo.bar} finds {@code foo.bar.baz}. */
  private ApiResponse listMatching(ApiRequest request, String namePattern) {
    Paging paging = Paging.of(request);
    Listing.orderBy(request, "name", List.of("name"));
    Pattern pattern = Listing.wildcard(namePattern.contains("*") ? namePattern : "*" + namePattern + "*");
    synchronized (lock) {
      List<ObjectNode> found =
          tokens.values().stream().filter(t -> pattern.matcher(t.get("name").asText()).matches()).toList();
      Comparator<ObjectNode> order =
          Comparator.comparing((ObjectNode t) -> t.get("name").asText(), String.CASE_INSENSITIVE_ORDER);
      return Listing.page(paging, "api_tokens", found, tokens.size(), order, t -> t);
    }
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.body(request);
    FieldErrors errors = new FieldErrors();
    Optional<JsonNode> name = Json.present(body, "name");
    if (name.isEmpty() || !name.get().isTextual() || name.get().asText().isBlank()) {
      errors.add("name", "is not present");
    }
    checkRoleAndActive(body, errors);
    errors.throwIfAny();
    synchronized (lock) {
      long id = nextId++;
      String now = TIME.format(Instant.ofEpochSecond(request.now()));
      ObjectNode token = Json.object();
      token.put("name", name.get().asText());
      token.put("token", HexFormat.of().formatHex(randomBytes()));
      token.put("active", Json.present(body, "active").map(JsonNode::booleanValue).orElse(true));
      token.put("role", Json.present(body, "role").map(JsonNode::asText).orElse("admin"));
      token.put("href", href(request, id));
      token.put("created_at", now);
      token.put("updated_at", now);
      resources.put(TOKENS, id, token);
      tokens.put(id, token);
      index(token);
      return ApiResponse.json(201, token).withHeader("Location", "/v1/api_tokens/" + id);
    }
  }

  /** An all-digit segment is an id; anything else is a name pattern answering a list. */
  private ApiResponse get(ApiRequest request) {
    String segment = request.path("id");
    if (!DIGITS.matcher(segment).matches()) {
      return listMatching(request, segment);
    }
    long id = request.pathId("id");
    synchronized (lock) {
      return ApiResponse.json(200, existing(id));
    }
  }

  private ApiResponse update(ApiRequest request) {
    long id = request.pathId("id");
    ObjectNode body = Json.body(request);
    FieldErrors errors = new FieldErrors();
    Optional<JsonNode> name = Json.present(body, "name");
    if (name.isPresent() && (!name.get().isTextual() || name.get().asText().isBlank())) {
      errors.add("name", "must be a non-empty string, was " + Json.show(name.get()));
    }
    checkRoleAndActive(body, errors);
    synchronized (lock) {
      ObjectNode token = existing(id).deepCopy();
      errors.throwIfAny();
      name.ifPresent(n -> token.put("name", n.asText()));
      Json.present(body, "active").ifPresent(a -> token.put("active", a.booleanValue()));
      Json.present(body, "role").ifPresent(r -> token.put("role", r.asText()));
      token.put("updated_at", TIME.format(Instant.ofEpochSecond(request.now())));
      resources.put(TOKENS, id, token);
      tokens.put(id, token);
      index(token);
      return ApiResponse.json(200, token);
    }
  }

  private ApiResponse delete(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      ObjectNode gone = existing(id);
      resources.delete(TOKENS, id);
      grants.remove(gone.get("token").asText());
      tokens.remove(id);
      return ApiResponse.empty(204);
    }
  }

  private static void checkRoleAndActive(ObjectNode body, FieldErrors errors) {
    Optional<JsonNode> role = Json.present(body, "role");
    if (role.isPresent() && (!role.get().isTextual() || !ROLES.contains(role.get().asText()))) {
      errors.add("role", "must be one of admin, recorder, viewer, was " + Json.show(role.get()));
    }
    Optional<JsonNode> active = Json.present(body, "active");
    if (active.isPresent() && !active.get().isBoolean()) {
      errors.add("active", "must be true or false, was " + Json.show(active.get()));
    }
  }

  private ObjectNode existing(long id) {
    return Json.existing(tokens, id, "API token");
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String href(ApiRequest request, long id) {
    return "http://" + request.header("host").orElse("localhost") + "/v1/api_tokens/" + id;
  }
}
