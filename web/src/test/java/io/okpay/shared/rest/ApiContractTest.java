package io.okpay.shared.rest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API contract (META-INF/openapi.yaml) is a valid OpenAPI document, exact by the house's rules, and matches the
 * JAX-RS resources: unique operation ids, every operation with its security, its success, its refusals (each a
 * problem document whose codes are in problem-statuses.properties with that status), Idempotency-Key wherever the
 * Java method reads one, and no resource method left out but the operators' back office.
 */
class ApiContractTest {

    static final String DOCUMENT = "/META-INF/openapi.yaml";

    /** The operators' back office (OKPay's own staff with operator tokens) is not part of the merchants' contract. */
    static final String OPERATORS = "/admin/";

    /**
     * The roles of OKPay's customers: a resource method that allows none of them (only operator roles such as SUPPORT,
     * COMPLIANCE or ADMIN) belongs to the back office too, wherever its path is.
     */
    static final Set<String> CUSTOMER_ROLES = Set.of("USER", "MERCHANT");

    /** Where a protocol fixes the status (OAuth's token endpoints answer 401 for wrong codes, which are 422 elsewhere). */
    static final Set<String> PROTOCOL_STATUSES = Set.of("createAccessToken 401");

    static OpenAPI api;

    record Op(String method, String path, Operation operation) {
        String key() {
            return method + " " + path.replaceAll("\\{[^}]+}", "{}");
        }

        String id() {
            return operation.getOperationId() + " (" + method + " " + path + ")";
        }
    }

    @BeforeAll
    static void parse() throws URISyntaxException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String location = ApiContractTest.class.getResource(DOCUMENT).toURI().toString();
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location, null, options);
        assertEquals(List.of(), result.getMessages(), "the document is valid OpenAPI");
        api = result.getOpenAPI();
        assertNotNull(api);
    }

    @Test
    void operationIdsAreUniqueAndNamed() {
        Map<String, String> seen = new HashMap<>();
        for (Op op : operations()) {
            String id = op.operation().getOperationId();
            assertTrue(id != null && id.matches("[a-z][A-Za-z]+"), "an operationId by resource and action: " + op.id());
            String before = seen.put(id, op.key());
            assertTrue(before == null, "operationId " + id + " repeats: " + before + " and " + op.key());
            assertTrue(op.operation().getSummary() != null && op.operation().getTags() != null
                    && op.operation().getTags().size() == 1, "a summary and one tag: " + op.id());
        }
        assertTrue(seen.size() >= 50, "the public operations are all there: " + seen.size());
    }

    @Test
    void everyOperationDeclaresItsSecurity() {
        Set<String> schemes = api.getComponents().getSecuritySchemes().keySet();
        assertEquals(Set.of("personBearer", "merchantOAuth"), schemes);
        for (Op op : operations()) {
            List<SecurityRequirement> security = op.operation().getSecurity();
            assertNotNull(security, "security (or an explicit empty list for a public operation): " + op.id());
            for (SecurityRequirement requirement : security) {
                assertTrue(schemes.containsAll(requirement.keySet()), op.id());
            }
            if (!security.isEmpty()) {
                assertTrue(op.operation().getResponses().containsKey("401"), "401 on a secured operation: " + op.id());
                assertTrue(op.operation().getResponses().containsKey("403"), "403 on a secured operation: " + op.id());
            }
        }
        assertEquals("/api/v1/oauth/token", api.getComponents().getSecuritySchemes().get("merchantOAuth").getFlows()
                .getClientCredentials().getTokenUrl());
    }

    @Test
    void everyOperationAnswersItsStatuses() {
        for (Op op : operations()) {
            Map<String, ApiResponse> responses = op.operation().getResponses();
            assertTrue(responses.keySet().stream().anyMatch(s -> s.startsWith("2")), "a success: " + op.id());
            assertTrue(responses.containsKey("default"), "the shared failures (default): " + op.id());
            List<Parameter> parameters = parameters(op);
            if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
                assertTrue(responses.containsKey("404"), "404 for an unknown id: " + op.id());
            }
            if (op.operation().getRequestBody() != null || parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
                assertTrue(responses.containsKey("400"), "400 for bad input: " + op.id());
            }
            responses.forEach((status, response) -> {
                ApiResponse resolved = resolve(response);
                if (status.startsWith("2")) {
                    // 204 has no body, and 202 may have none (a password reset answers alike for every address)
                    if (!"204".equals(status) && !("202".equals(status) && resolved.getContent() == null)) {
                        assertNotNull(resolved.getContent(), "a schema for " + status + ": " + op.id());
                        resolved.getContent().values().forEach(m -> assertNotNull(m.getSchema(), op.id()));
                    }
                    return;
                }
                assertNotNull(resolved.getContent(), status + " without a body: " + op.id());
                assertEquals(Set.of("application/problem+json"), resolved.getContent().keySet(), status + ": " + op.id());
                Set<String> codes = codes(resolved.getContent().get("application/problem+json"));
                assertTrue(!codes.isEmpty(), "the codes of " + status + " are listed: " + op.id());
                if (!"default".equals(status) && !PROTOCOL_STATUSES.contains(op.operation().getOperationId() + " " + status)) {
                    for (String code : codes) {
                        assertEquals(Integer.valueOf(status), ProblemStatuses.all().get(code),
                                "code " + code + " of " + status + " in problem-statuses.properties: " + op.id());
                    }
                } else {
                    codes.forEach(code -> assertTrue(ProblemStatuses.all().containsKey(code), code + ": " + op.id()));
                }
            });
        }
    }

    @Test
    void everyResourceMethodIsInTheContract() {
        Map<String, Method> java = resourceMethods();
        Set<String> documented = new TreeSet<>();
        operations().forEach(op -> documented.add(op.key()));
        Set<String> missing = new TreeSet<>(java.keySet());
        missing.removeAll(documented);
        missing.removeIf(method -> backOffice(method, java.get(method)));
        assertEquals(Set.of(), missing, "JAX-RS methods missing from " + DOCUMENT);
        Set<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(java.keySet());
        assertEquals(Set.of(), phantom, "operations without a JAX-RS method");
        assertTrue(documented.stream().noneMatch(op -> backOffice(op, java.get(op))),
                "no operator operation in the contract");
    }

    /** The operators' back office: under /admin/, or for operator roles only. */
    static boolean backOffice(String key, Method method) {
        if (key.substring(key.indexOf(' ') + 1).startsWith(OPERATORS)) {
            return true;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return roles != null && Stream.of(roles.value()).noneMatch(CUSTOMER_ROLES::contains);
    }

    @Test
    void idempotencyKeyWhereverAMethodReadsOne() {
        Map<String, Method> java = resourceMethods();
        int moneyWrites = 0;
        for (Op op : operations()) {
            Method method = java.get(op.key());
            boolean readsKey = method != null && Stream.of(method.getParameterAnnotations()).flatMap(Stream::of)
                    .anyMatch(a -> a instanceof HeaderParam h && h.value().equals("Idempotency-Key"));
            boolean declared = parameters(op).stream()
                    .anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equals(p.getName())
                            && Boolean.TRUE.equals(p.getRequired()));
            assertEquals(readsKey, declared, "Idempotency-Key (required) exactly where the method reads it: " + op.id());
            if (declared) {
                moneyWrites++;
                assertTrue(op.operation().getResponses().containsKey("409"), "409 idempotency_conflict: " + op.id());
            }
        }
        assertTrue(moneyWrites >= 7, "the money writes take a key: " + moneyWrites);
    }

    @Test
    void webhookEventsAreDescribedWithExamples() {
        Schema<?> event = api.getComponents().getSchemas().get("Event");
        assertEquals(7, event.getOneOf().size());
        for (Schema<?> ref : event.getOneOf()) {
            assertNotNull(api.getComponents().getSchemas().get(ref.get$ref().substring(ref.get$ref().lastIndexOf('/') + 1)),
                    ref.get$ref());
        }
        assertTrue(api.getInfo().getDescription().contains("OKPay-Signature: t=<unix seconds>,v1="));
        assertNotNull(api.getComponents().getSchemas().get("EventPaymentSucceeded").getExample());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static List<Op> operations() {
        List<Op> all = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> all.add(new Op(method.name(), path, operation))));
        return all;
    }

    static List<Parameter> parameters(Op op) {
        List<Parameter> all = new ArrayList<>();
        PathItem item = api.getPaths().get(op.path());
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (op.operation().getParameters() != null) {
            all.addAll(op.operation().getParameters());
        }
        return all.stream().map(ApiContractTest::resolve).toList();
    }

    static Parameter resolve(Parameter parameter) {
        return parameter.get$ref() == null ? parameter
                : api.getComponents().getParameters().get(simpleName(parameter.get$ref()));
    }

    static ApiResponse resolve(ApiResponse response) {
        return response.get$ref() == null ? response
                : api.getComponents().getResponses().get(simpleName(response.get$ref()));
    }

    static Schema<?> resolve(Schema<?> schema) {
        return schema.get$ref() == null ? schema : api.getComponents().getSchemas().get(simpleName(schema.get$ref()));
    }

    /** The values the problem's {@code code} may take: an enum on {@code code} in the schema or one of its allOf. */
    static Set<String> codes(MediaType media) {
        Set<String> codes = new LinkedHashSet<>();
        collectCodes(media.getSchema(), codes);
        return codes;
    }

    @SuppressWarnings("rawtypes")
    private static void collectCodes(Schema<?> schema, Set<String> codes) {
        Schema<?> resolved = resolve(schema);
        if (resolved.getAllOf() != null) {
            for (Schema part : resolved.getAllOf()) {
                collectCodes(part, codes);
            }
        }
        if (resolved.getProperties() != null && resolved.getProperties().get("code") != null
                && resolved.getProperties().get("code").getEnum() != null) {
            resolved.getProperties().get("code").getEnum().forEach(code -> codes.add(String.valueOf(code)));
        }
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** "POST /checkout/sessions/{}" → its method, for every JAX-RS resource method of the API (not the sandbox's). */
    static Map<String, Method> resourceMethods() {
        Map<String, Method> methods = new HashMap<>();
        java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(OkPayApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/okpay"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith("io.okpay.sandbox.") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ApiContractTest.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = ("/" + base.value() + (sub == null ? "" : "/" + sub.value()))
                            .replaceAll("/+", "/").replaceAll("/$", "").replaceAll("\\{[^}]+}", "{}");
                    // One operation may take several media types (JSON or multipart): one method per @Consumes.
                    Method before = methods.putIfAbsent(verb + " " + path, method);
                    assertTrue(before == null || !Arrays.equals(consumes(before), consumes(method)),
                            verb + " " + path + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return methods;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    private static String[] consumes(Method method) {
        jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
        return consumes == null ? new String[0] : consumes.value();
    }

}
